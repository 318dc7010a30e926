// Turns at writing to one SQLite file among the worker processes of a server.

/** How a worker asks for the turn and gives it back (src/workers.ts: over the IPC channel). */
export interface TurnChannel {
  ask(): Promise<void>;
  giveBack(): void;
}

/**
 * Whose turn it is to write. SQLite has one writer at a time, and a writer
 * that finds the file locked sleeps in its busy handler — on the event loop,
 * a millisecond or more each time. Workers of one server ask the primary for
 * the turn instead, without blocking, and writes queue up meanwhile (so each
 * commit carries more of them). The turn belongs to the process: whatever in
 * it writes while it holds the turn shares it (its one connection lets one
 * writer at a time through anyway), and it goes back when the last is done.
 * Other processes (the command line, another server) still meet the busy
 * timeout.
 */
export class WriteTurns {
  #holders = 0;
  /** The turn, being asked for or held. */
  #turn: Promise<void> | null = null;

  constructor(private readonly channel: TurnChannel) {}

  /** Resolves once this process holds the turn; every take() needs its give(). */
  async take(): Promise<void> {
    this.#holders++;
    this.#turn ??= this.channel.ask();
    await this.#turn;
  }

  give(): void {
    if (--this.#holders > 0) return;
    this.#turn = null;
    this.channel.giveBack();
  }

  /** Runs `work` holding the turn. */
  async with<T>(work: () => Promise<T>): Promise<T> {
    await this.take();
    try {
      return await work();
    } finally {
      this.give();
    }
  }
}
