import { defaultCalibrationsDir, loadCalibration } from './calibration';
import type { Config } from './index';

/** The prompts a ticket's routed confidence is answered under: a calibration holds only for the versions it fitted. */
export const calibratedPromptIds = ['ticket/classify-intent', 'ticket/draft-reply'] as const;
export type CalibratedPromptVersions = Record<(typeof calibratedPromptIds)[number], string>;

export interface TicketThresholds {
  sendThreshold: number;
  reviewThreshold: number;
  /** Where the thresholds came from: the operator's explicit figures, a calibration file, or neither. */
  source: 'manual' | 'calibration' | 'uncalibrated';
  /** Why nothing is sent automatically, when that is so; routing records it among the route's reasons. */
  sendOffReason?: string;
}

/**
 * The routing thresholds for tickets answered by `model` on the configured provider. A model's stated confidence
 * means nothing until it is measured against labelled tickets, so without a calibration for this provider and model
 * nothing is sent automatically: the send threshold is 1, which routing's "above the threshold" no confidence
 * passes. An operator may set the thresholds by hand, but only by saying so with TICKET_THRESHOLDS=manual.
 * A model's confidence moves with the prompt that asks for it, so a calibration fitted with other versions of the
 * ticket prompts counts as none. The offline engine reads no prompt: its calibration follows the engine's code.
 */
export function ticketThresholds(
  config: Config,
  model: string,
  promptVersions: CalibratedPromptVersions,
): TicketThresholds {
  if (config.TICKET_THRESHOLDS === 'manual') {
    return {
      source: 'manual',
      sendThreshold: config.TICKET_SEND_THRESHOLD,
      reviewThreshold: config.TICKET_REVIEW_THRESHOLD,
    };
  }
  const key = `${config.MODEL_PROVIDER}/${model}`;
  const calibration = loadCalibration(
    config.TICKET_CALIBRATIONS_DIR ?? defaultCalibrationsDir,
    config.MODEL_PROVIDER,
    model,
  );
  if (!calibration) {
    return {
      source: 'uncalibrated',
      sendThreshold: 1,
      reviewThreshold: config.TICKET_REVIEW_THRESHOLD,
      sendOffReason: `no calibration for ${key} (npm run eval -- --use-case tickets --calibrate)`,
    };
  }
  const { sendThreshold, reviewThreshold, fit } = calibration;
  const stale =
    config.MODEL_PROVIDER === 'offline'
      ? []
      : calibratedPromptIds.filter((id) => fit.promptVersions[id] !== promptVersions[id]);
  if (stale.length) {
    const versions = stale.map((id) => `${id} ${fit.promptVersions[id] ?? '(none)'}, now ${promptVersions[id]}`);
    return {
      source: 'uncalibrated',
      sendThreshold: 1,
      reviewThreshold: config.TICKET_REVIEW_THRESHOLD,
      sendOffReason: `the calibration for ${key} was fitted with other prompts (${versions.join('; ')}): calibrate again`,
    };
  }
  return {
    source: 'calibration',
    sendThreshold,
    reviewThreshold,
    ...(sendThreshold >= 1
      ? { sendOffReason: `the calibration for ${key} found no send threshold within ${fit.send.targetError} error` }
      : {}),
  };
}
