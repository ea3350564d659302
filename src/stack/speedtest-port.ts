// The speed-test phase as `run` sees it: the LibreSpeed client's own signature, injectable so that the
// orchestration can be tested on its own.
import { runSpeedtest, type SpeedtestOptions, type SpeedtestResult } from '../speedtest/index.js';

export type { SpeedtestOptions, SpeedtestResult };

export type SpeedtestFn = (options: SpeedtestOptions) => Promise<SpeedtestResult>;

/** The client `run` and the stack action use when the caller injects none. */
export const defaultSpeedtest: SpeedtestFn | undefined = runSpeedtest;
