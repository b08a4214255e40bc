// The daily digest's shapes, shared by the builder (build.ts), the scheduler and the surfaces that post it.
import type { ChannelKey } from '../channel-log/types.ts';

/** A channel's daily digest: posted at `time` (HH:MM, 24-hour) local time in `timeZone` (IANA, "Europe/Kyiv"). */
export interface DigestSchedule {
  time: string;
  timeZone: string;
  /**
   * ISO instant the schedule was set (/digest on): post times before it are not due, so turning the digest on at
   * 10:00 for 08:00 does not post (or report as skipped) that morning's digest.
   */
  since?: string;
}

/** The stretch of time one digest covers. */
export interface DigestPeriod {
  /** The local date (YYYY-MM-DD in `timeZone`) the digest is for: one digest per channel and date. */
  date: string;
  timeZone: string;
  /** Inclusive. */
  from: Date;
  /** Exclusive. */
  to: Date;
}

export interface DigestRequest {
  key: ChannelKey;
  period: DigestPeriod;
}
