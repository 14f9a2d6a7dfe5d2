// Runs in worker and Node. Decides when a batch's loss is read back to the CPU. On a GPU every read is a
// queue flush and a round trip, so fitscope reads only as often as the readback policy says. Keras' running
// mean over the epoch is kept on the device between reads, so showing it costs no extra sync.
import type { LossView, Readback } from '../shared/config';
import type { Scalar, Tensor, Tf } from './tf';

export interface LossReading {
  /** This batch's loss, or NaN when the policy skipped reading it. */
  loss: number;
  /** Keras' sample-weighted running mean over the epoch so far, or NaN when not read. */
  meanLoss: number;
}

export class LossReader {
  /** How many times a loss went from the backend to the CPU (trainOnBatch's own reads included). */
  reads = 0;
  private batchesSeen = 0;
  private epoch = -1;
  private hostSum = 0;
  private hostSeen = 0;
  private deviceSum: Tensor | null = null;

  constructor(
    private readonly tf: Tf,
    private readonly policy: Readback,
    private readonly lossView: LossView,
    private readonly batchesPerEpoch: number,
  ) {}

  wantsRead(batch: number): boolean {
    if (this.policy === 'every') return true;
    if (this.policy === 'epoch') return batch === this.batchesPerEpoch - 1;
    return (this.batchesSeen + 1) % this.policy === 0;
  }

  /** A loss the mode already read (trainOnBatch returns a number: tfjs reads it back every batch). */
  takeNumber(epoch: number, loss: number, size: number): LossReading {
    this.startEpochIfNew(epoch);
    this.batchesSeen++;
    this.reads++;
    this.hostSum += loss * size;
    this.hostSeen += size;
    return { loss, meanLoss: this.hostSum / this.hostSeen };
  }

  /** A loss still on the backend: read only when the policy says so. The caller keeps ownership of `loss`. */
  async takeTensor(epoch: number, batch: number, loss: Scalar, size: number): Promise<LossReading> {
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
    if (!read) return { loss: NaN, meanLoss: NaN };
    this.reads++;
    if (keepDeviceMean && this.deviceSum) {
      const both = this.tf.tidy(() => this.tf.stack([loss, this.deviceSum!]));
      const [value, sum] = await both.data();
      both.dispose();
      return { loss: value, meanLoss: sum / this.hostSeen };
    }
    const [value] = await loss.data();
    this.hostSum += value * size;
    // Without a device-side sum, a running mean is only exact when every batch was read.
    return { loss: value, meanLoss: this.policy === 'every' ? this.hostSum / this.hostSeen : NaN };
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
