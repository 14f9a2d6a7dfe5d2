// Runs in worker and Node. A streaming CSV record reader (RFC 4180: quoted fields, "" escapes, commas and line
// breaks inside quotes, CRLF or LF) over a byte stream, so a file of any size is read in constant memory.
// Binary input is caught early instead of being parsed into nonsense.

export type ByteStream = AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>;

export interface CsvRecord {
  /** 1-based line number where the record starts (the header is line 1). */
  line: number;
  fields: string[];
}

export class CsvFormatError extends Error {
  override name = 'CsvFormatError';
}

async function* chunksOf(stream: ByteStream): AsyncGenerator<Uint8Array> {
  if (Symbol.asyncIterator in stream) {
    for await (const chunk of stream as AsyncIterable<Uint8Array>) yield chunk;
    return;
  }
  const reader = (stream as ReadableStream<Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

const BINARY_PROBE = 8192;

export async function* csvRecords(stream: ByteStream): AsyncGenerator<CsvRecord> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let fields: string[] = [];
  let field = '';
  let inQuotes = false;
  // Inside quotes a '"' is either the closing quote or the first half of an escaped "": the next character
  // (possibly in the next chunk) decides.
  let quotePending = false;
  let line = 1;
  let recordLine = 1;
  let bytesSeen = 0;
  let pendingCR = false;
  let any = false;

  const endField = () => {
    fields.push(field);
    field = '';
  };

  for await (const chunk of chunksOf(stream)) {
    if (bytesSeen < BINARY_PROBE) {
      const nul = chunk.subarray(0, BINARY_PROBE - bytesSeen).indexOf(0);
      if (nul >= 0)
        throw new CsvFormatError(`this is not a CSV text file: it holds binary data (a zero byte at offset ${bytesSeen + nul})`);
    }
    bytesSeen += chunk.length;
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new CsvFormatError(`this is not a UTF-8 CSV text file: invalid bytes near offset ${bytesSeen - chunk.length}`);
    }
    for (let i = 0; i < text.length; i++) {
      const c = text[i];
      if (pendingCR) {
        pendingCR = false;
        if (c === '\n') continue;
      }
      if (quotePending) {
        quotePending = false;
        if (c === '"') {
          field += '"';
          continue;
        }
        inQuotes = false; // that quote closed the field: handle c as an ordinary character below
      } else if (inQuotes) {
        if (c === '"') quotePending = true;
        else {
          if (c === '\n') line++;
          field += c;
        }
        continue;
      }
      if (c === '"' && field === '') {
        inQuotes = true;
        any = true;
      } else if (c === ',') {
        endField();
        any = true;
      } else if (c === '\n' || c === '\r') {
        if (c === '\r') pendingCR = true;
        if (any) {
          endField();
          yield { line: recordLine, fields };
        }
        fields = [];
        any = false;
        line++;
        recordLine = line;
      } else {
        field += c;
        any = true;
      }
    }
  }
  try {
    decoder.decode();
  } catch {
    throw new CsvFormatError('this is not a UTF-8 CSV text file: it ends inside a multi-byte character');
  }
  if (inQuotes && !quotePending) throw new CsvFormatError(`line ${recordLine}: a quoted field is never closed`);
  if (any) {
    endField();
    yield { line: recordLine, fields };
  }
}
