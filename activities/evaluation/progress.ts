/** How a long evaluation reports progress: bars in a terminal, heartbeats in an activity, nothing in a test. */
export interface Progress {
  bar(name: string, total: number): { tick(): void };
  stop(): void;
}

export const silentProgress: Progress = { bar: () => ({ tick() {} }), stop() {} };
