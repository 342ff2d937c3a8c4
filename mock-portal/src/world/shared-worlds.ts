/**
 * What a request asks of the worlds when other processes serve them too (REDIS_URL): its turn on
 * a world before it reads or changes it, the newest copy of a world it only reads, and every
 * change saved before its answer leaves. Without other processes there is nothing to ask: one
 * process's registry is the only copy, and a world's methods never interleave within it.
 */
export interface SharedWorlds {
  /** Waits for this request's turn on a world and brings its newest copy here; undefined when it has gone. */
  take(worldId: string): Promise<{ release(): Promise<void> } | undefined>;
  /** Brings the newest copy of a world here without waiting for a turn; false when it has gone. */
  read(worldId: string): Promise<boolean>;
  /** Brings here the newest copy of the world an account is in (a token's `oid`). */
  readAccount(accountId: string): Promise<void>;
  /** Brings here the newest copy of the world with this code. */
  readCode(code: string): Promise<void>;
  /** Brings here the newest copies of these worlds, and forgets here those that have gone. */
  readMany(worldIds: readonly string[]): Promise<void>;
  /** Brings here every world, and forgets here those that have gone (the trainer's list of every world). */
  readAll(): Promise<void>;
  /** Whether one more world fits, counting every process's (making room as the registry would). */
  roomForOneMore(): Promise<boolean>;
  /** Resolves once every change told so far is saved where every process sees it. */
  flush(): Promise<void>;
}

/** What a request asks of the classes when other processes serve them too. */
export interface SharedClasses {
  /**
   * Brings the newest classes here: at once, or (`maxAgeMs`) unless read that recently;
   * `everyWorld` also brings every learner's newest world (the trainer's rows).
   */
  read(options?: { maxAgeMs?: number; everyWorld?: boolean }): Promise<void>;
  /** Makes a change with every process's newest classes, one change at a time, saved before it resolves. */
  change<T>(make: () => T): Promise<T>;
  /** Resolves once every learner's world told here is saved where every process sees it. */
  saved(): Promise<void>;
}

/** One process: its classes are the only copy. */
export const CLASSES_IN_THIS_PROCESS: SharedClasses = {
  read: () => Promise.resolve(),
  // A change that throws rejects, as it would across processes.
  change: (make) => new Promise((resolve) => resolve(make())),
  saved: () => Promise.resolve(),
};
