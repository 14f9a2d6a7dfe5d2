// Runs in worker and Node. Decides when a batch's loss is read back to the CPU. On a GPU every read is a
// queue flush and a round trip, so fitscope reads only as often as the readback policy says. Keras' running
// mean over the epoch is kept on the device between reads, so showing it costs no extra sync.
// Where the backend keeps tensors in CPU memory (cpu, wasm), a read is a copy: it is done synchronously, since
// the promise chain of data() costs several times the copy itself on every batch of fit and fitDataset.
import type { LossView, Readback } from '../shared/config';
import type { Scalar, Tensor, Tf } from './tf';

export interface LossReading {
  /** This batch's loss, or NaN when the policy skipped reading it. */
  loss: number;
  /** Keras' sample-weighted running mean over the epoch so far, or NaN when not read. */
  meanLoss: number;
}

/** Backends whose tensors live in CPU memory: dataSync() there is a copy, never a wait for a device. */
const CPU_MEMORY_BACKENDS: ReadonlySet<string> = new Set(['cpu', 'wasm']);

const NOT_READ: Readonly<LossReading> = Object.freeze({ loss: NaN, meanLoss: NaN });

type Values = ArrayLike<number>;

export class LossReader {
  /** How many times a loss went from the backend to the CPU (trainOnBatch's own reads included). */
  reads = 0;
  private batchesSeen = 0;
  private epoch = -1;
  private hostSum = 0;
  private hostSeen = 0;
  private deviceSum: Tensor | null = null;
  private readonly readsSynchronously: boolean;
  /** The one reading handed out, batch after batch (the recorder copies it into its row at once). */
  private readonly reading: LossReading = { loss: NaN, meanLoss: NaN };

  constructor(
    private readonly tf: Tf,
    private readonly policy: Readback,
    private readonly lossView: LossView,
    private readonly batchesPerEpoch: number,
  ) {
    this.readsSynchronously = CPU_MEMORY_BACKENDS.has(tf.getBackend());
  }

  wantsRead(batch: number): boolean {
    if (this.policy === 'every') return true;
    if (this.policy === 'epoch') return batch === this.batchesPerEpoch - 1;
    return (this.batchesSeen + 1) % this.policy === 0;
  }

  /**
   * A loss the mode already read (trainOnBatch returns a number: tfjs reads it back every batch). The reading
   * is valid until the next take.
   */
  takeNumber(epoch: number, loss: number, size: number): Readonly<LossReading> {
    this.startEpochIfNew(epoch);
    this.batchesSeen++;
    this.reads++;
    this.hostSum += loss * size;
    this.hostSeen += size;
    return this.give(loss, this.hostSum / this.hostSeen);
  }

  /**
   * A loss still on the backend: read only when the policy says so. The caller keeps ownership of `loss`.
   * A promise only where the read has to wait for a device; the reading is valid until the next take.
   */
  takeTensor(epoch: number, batch: number, loss: Scalar, size: number): Readonly<LossReading> | Promise<Readonly<LossReading>> {
    this.startEpochIfNew(epoch);
    const read = this.wantsRead(batch);
    this.batchesSeen++;
    this.hostSeen += size;
    const keepDeviceMean = this.lossView === 'keras' && this.policy !== 'every';
    if (keepDeviceMean) {
      const previous = this.deviceSum;
      this.deviceSum = this.tf.tidy(() => (previous ? previous.add(loss.mul(size)) : loss.mul(size)));
      previous?.dispose();
    }
    if (!read) return NOT_READ;
    this.reads++;
    if (keepDeviceMean && this.deviceSum) {
      const both = this.tf.tidy(() => this.tf.stack([loss, this.deviceSum!]));
      const hostSeen = this.hostSeen;
      return this.readThen(both, (values) => {
        both.dispose();
        return this.give(values[0], values[1] / hostSeen);
      });
    }
    return this.readThen(loss, (values) => {
      const value = values[0];
      this.hostSum += value * size;
      // Without a device-side sum, a running mean is only exact when every batch was read.
      return this.give(value, this.policy === 'every' ? this.hostSum / this.hostSeen : NaN);
    });
  }

  /** Reads a tensor's values and hands them to `use`: at once where they are in CPU memory, else when they arrive. */
  private readThen<T>(tensor: Tensor, use: (values: Values) => T): T | Promise<T> {
    if (this.readsSynchronously) return use(tensor.dataSync());
    return (tensor.data() as Promise<Values>).then(use);
  }

  private give(loss: number, meanLoss: number): Readonly<LossReading> {
    this.reading.loss = loss;
    this.reading.meanLoss = meanLoss;
    return this.reading;
  }

  dispose(): void {
    this.deviceSum?.dispose();
    this.deviceSum = null;
  }

  private startEpochIfNew(epoch: number): void {
    if (epoch === this.epoch) return;
    this.epoch = epoch;
    this.hostSum = 0;
    this.hostSeen = 0;
    this.dispose();
  }
}
