import { z } from 'zod';
import { contract, type Channel } from '../../shared/api.ts';
import type { PathGrants } from './path-grants.ts';

// Only the two fields main needs: parsing the whole design here would parse every opened design twice.
const openedSchema = z.object({ docId: z.string(), path: z.string() });

/**
 * Returns what main calls after each answered request, to tell the path grants which documents opened
 * and closed: doc.new and doc.open open one, doc.saveAs opens the copy and closes the original (unless it
 * saved onto itself), doc.close closes one.
 */
export function trackDocumentSessions(
  grants: Pick<PathGrants, 'documentOpened' | 'documentClosed'>,
): (channel: Channel, payload: unknown, data: unknown) => void {
  const opened = (data: unknown): string | null => {
    const answer = openedSchema.safeParse(data);
    if (!answer.success) return null;
    grants.documentOpened(answer.data.docId, answer.data.path);
    return answer.data.docId;
  };

  return (channel, payload, data) => {
    if (channel === 'doc.new' || channel === 'doc.open') {
      opened(data);
    } else if (channel === 'doc.saveAs') {
      const request = contract['doc.saveAs'].request.safeParse(payload);
      const copy = opened(data);
      if (request.success && copy !== null && copy !== request.data.docId) {
        grants.documentClosed(request.data.docId);
      }
    } else if (channel === 'doc.close') {
      const request = contract['doc.close'].request.safeParse(payload);
      if (request.success) grants.documentClosed(request.data.docId);
    }
  };
}
