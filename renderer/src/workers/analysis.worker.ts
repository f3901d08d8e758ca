import type { AnalysisMessage, AnalyzeRequest } from '../api/analysisProtocol.ts';
import { runAnalysis } from './runAnalysis.ts';

/*
 * The analysis worker: keeps only the newest request. A run in progress notices a newer one between its
 * chunks (the pause lets the message in) and stops; the newest then starts.
 */

interface WorkerScope {
  postMessage(message: AnalysisMessage): void;
  onmessage: ((event: MessageEvent<AnalyzeRequest>) => void) | null;
}

const scope = self as unknown as WorkerScope;
let latest: AnalyzeRequest | null = null;
let running = false;

// A macrotask: a setTimeout(0) lets the worker's message queue run before the next chunk.
const pause = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    while (latest) {
      const request = latest;
      latest = null;
      try {
        await runAnalysis(request, {
          post: (message) => scope.postMessage(message),
          stale: () => latest !== null,
          pause,
        });
      } catch (error) {
        scope.postMessage({
          type: 'failed',
          revision: request.revision,
          scenarioId: request.scenarioId,
          message: error instanceof Error ? error.message : String(error),
        });
      }
    }
  } finally {
    running = false;
  }
}

scope.onmessage = (event) => {
  latest = event.data;
  void drain();
};
