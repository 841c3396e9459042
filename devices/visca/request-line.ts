// The VISCA request line: sends one request at a time and waits for its first reply (ACK,
// answer or error), as Sony asks; priority requests (Stop, Cancel) go out at once, ahead of
// anything queued. Replies come back in the order the camera received the commands, so each
// first reply belongs to the oldest request still waiting. Completions are matched by socket.
// The wait for a first reply counts only time this process could hear it (listening-deadline).
import { CameraCommandError } from '../camera/ptz-camera';
import { startListeningDeadline, type ListeningDeadline } from '../transport/listening-deadline';
import { DeviceAwayError, type Transport } from '../transport/transport';
import { createViscaReplyDecoder, type ViscaReply } from './codec';

export type RequestKind = 'command' | 'inquiry' | 'if_clear' | 'address_set';

export interface Sent {
  /** For commands: resolves when the camera reports Completion on the socket it gave. */
  completion: Promise<void>;
  /** For inquiries: the answer's data bytes. */
  data: number[];
}

interface Pending {
  bytes: Uint8Array;
  kind: RequestKind;
  /** Requests of a group can be dropped together while they still wait their turn (motion, on Stop). */
  group: string | undefined;
  retries: number;
  resolve(sent: Sent): void;
  reject(error: Error): void;
  deadline?: ListeningDeadline;
}

export interface RequestLineOptions {
  transport: Transport;
  ackTimeoutMs: number;
  completionTimeoutMs: number;
  bufferFullRetryMs: number;
  maxBufferFullRetries?: number;
  onUnmatched?: (reply: ViscaReply) => void;
  onNetworkChange?: () => void;
  /** For tests: the clock the first-reply deadline reads. */
  now?: () => number;
}

const ERROR_TEXT = {
  syntax: 'The camera did not understand the command (syntax error).',
  not_executable: 'The camera cannot do this now (e.g. manual focus while autofocus is on).',
  cancelled: 'The command was cancelled.',
  no_socket: 'No command was running on that socket.',
  buffer_full: 'The camera is busy (command buffer full).',
  unknown: 'The camera refused the command.',
} as const;

export function createRequestLine(options: RequestLineOptions) {
  const { transport } = options;
  const decoder = createViscaReplyDecoder();
  const queue: Pending[] = [];
  const awaiting: Pending[] = []; // sent, first reply not yet in
  const retrying = new Set<Pending>(); // refused with buffer full, sent again after a frame
  const sockets = new Map<number, { resolve(): void; reject(e: Error): void; timer: ReturnType<typeof setTimeout> }>();

  function write(request: Pending): void {
    awaiting.push(request);
    request.deadline = startListeningDeadline(
      options.ackTimeoutMs,
      () => {
        remove(request);
        request.reject(
          new CameraCommandError(
            'timeout',
            `No answer from the camera on ${transport.name} within ${options.ackTimeoutMs} ms.`,
          ),
        );
        pump();
      },
      options.now ? { now: options.now } : {},
    );
    transport.write(request.bytes).catch((error: unknown) => {
      remove(request);
      request.reject(
        error instanceof DeviceAwayError ? new CameraCommandError('device_away', error.message) : (error as Error),
      );
      pump();
    });
  }

  function remove(request: Pending): void {
    request.deadline?.cancel();
    const index = awaiting.indexOf(request);
    if (index >= 0) awaiting.splice(index, 1);
  }

  function pump(): void {
    while (awaiting.length === 0 && queue.length > 0) write(queue.shift()!);
  }

  function completionFor(socket: number): Promise<void> {
    sockets.get(socket)?.reject(new CameraCommandError('cancelled', 'A newer command took this socket.'));
    const promise = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        sockets.delete(socket);
        reject(
          new CameraCommandError(
            'timeout',
            `The camera did not report completion within ${options.completionTimeoutMs} ms.`,
          ),
        );
      }, options.completionTimeoutMs);
      sockets.set(socket, { resolve, reject, timer });
    });
    promise.catch(() => {}); // callers that do not wait for completion must not see an unhandled rejection
    return promise;
  }

  function onReply(reply: ViscaReply): void {
    if (reply.type === 'network_change') return options.onNetworkChange?.();
    const head = awaiting[0];
    if (reply.type === 'completion' && reply.socket !== 0) {
      const socket = sockets.get(reply.socket);
      if (!socket) return options.onUnmatched?.(reply); // a late Completion: its command timed out
      clearTimeout(socket.timer);
      sockets.delete(reply.socket);
      return socket.resolve();
    }
    if (reply.type === 'error' && reply.socket !== 0 && !(head && reply.error === 'not_executable')) {
      const socket = sockets.get(reply.socket);
      if (socket) {
        clearTimeout(socket.timer);
        sockets.delete(reply.socket);
        socket.reject(
          new CameraCommandError(reply.error === 'cancelled' ? 'cancelled' : 'not_executable', ERROR_TEXT[reply.error]),
        );
      }
      return;
    }
    if (!head) return options.onUnmatched?.(reply);
    const matches =
      (head.kind === 'command' && (reply.type === 'ack' || reply.type === 'error')) ||
      ((head.kind === 'inquiry' || head.kind === 'if_clear') &&
        ((reply.type === 'completion' && reply.socket === 0) || reply.type === 'error')) ||
      (head.kind === 'address_set' && reply.type === 'address_set');
    if (!matches) return options.onUnmatched?.(reply);
    remove(head);
    if (reply.type === 'error') {
      if (reply.error === 'buffer_full' && head.retries < (options.maxBufferFullRetries ?? 5)) {
        // Nothing was accepted: retry after about one video frame, ahead of the queue.
        head.retries++;
        retrying.add(head);
        setTimeout(() => {
          if (!retrying.delete(head)) return; // dropped or failed meanwhile
          queue.unshift(head);
          pump();
        }, options.bufferFullRetryMs);
        return;
      }
      head.reject(
        new CameraCommandError(
          reply.error === 'buffer_full' ? 'buffer_full' : reply.error === 'syntax' ? 'syntax' : 'not_executable',
          ERROR_TEXT[reply.error],
        ),
      );
    } else if (reply.type === 'ack') {
      head.resolve({ completion: completionFor(reply.socket), data: [] });
    } else {
      head.resolve({ completion: Promise.resolve(), data: reply.type === 'completion' ? reply.data : [] });
    }
    pump();
  }

  transport.onData((chunk) => decoder.push(chunk).forEach(onReply));

  return {
    send(bytes: Uint8Array, kind: RequestKind, priority = false, group?: string): Promise<Sent> {
      return new Promise<Sent>((resolve, reject) => {
        const request: Pending = { bytes, kind, group, retries: 0, resolve, reject };
        if (transport.state() !== 'connected') {
          return reject(
            new CameraCommandError('device_away', new DeviceAwayError(transport.name, transport.state()).message),
          );
        }
        if (priority) write(request);
        else {
          queue.push(request);
          pump();
        }
      });
    },
    /** Drops the requests of this group not yet sent (a Stop must not be followed by the motion
     * that was waiting its turn behind an inquiry). Those already sent are left to run. */
    dropQueued(group: string, reason: string): void {
      for (let i = queue.length - 1; i >= 0; i--) {
        if (queue[i]!.group !== group) continue;
        const [request] = queue.splice(i, 1);
        request!.reject(new CameraCommandError('cancelled', reason));
      }
      for (const request of retrying) {
        if (request.group !== group) continue;
        retrying.delete(request);
        request.reject(new CameraCommandError('cancelled', reason));
      }
    },
    /** The link dropped: nothing waiting is ever sent later, nothing running is awaited. */
    failAll(reason: string): void {
      const error = new CameraCommandError('device_away', reason);
      for (const request of [...awaiting, ...queue.splice(0), ...retrying]) {
        remove(request);
        request.reject(error);
      }
      retrying.clear();
      for (const [socket, entry] of sockets) {
        clearTimeout(entry.timer);
        entry.reject(error);
        sockets.delete(socket);
      }
    },
    idle: () => awaiting.length === 0 && queue.length === 0 && retrying.size === 0,
  };
}

export type RequestLine = ReturnType<typeof createRequestLine>;
