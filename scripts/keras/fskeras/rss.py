"""Process memory as Linux reports it: resident set size now (VmRSS) and its peak (VmHWM). This is the whole
Python process (interpreter, TensorFlow's runtime, numpy arrays, tensors, caches), not tensor bytes."""


def _status_kib(field):
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def rss_bytes():
    kib = _status_kib("VmRSS")
    return None if kib is None else kib * 1024


def peak_rss_bytes():
    kib = _status_kib("VmHWM")
    return None if kib is None else kib * 1024


def reset_peak():
    """Sets the peak back to the current RSS (Linux: writing 5 to clear_refs), so the peak read at the end
    belongs to what ran after this call. False where the kernel does not allow it: the peak is then the
    process's whole lifetime."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as f:
            f.write("5")
        return True
    except OSError:
        return False
