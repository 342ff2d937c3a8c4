/** How many worlds the registry keeps, for how long, and the clocks it reads. */
export interface RegistryLimits {
  /** Worlds kept at once (MAX_WORLDS). */
  readonly maxWorlds: number;
  /** A world unused this long goes (WORLD_IDLE_HOURS). */
  readonly idleMs: number;
  /**
   * When the registry is full, the least recently used world makes room for a new one only if it
   * has been unused at least this long: a learner at work is never pushed out, however many
   * worlds other clients ask for. Otherwise the new world is refused.
   */
  readonly protectedMs: number;
}

export const DEFAULT_LIMITS: RegistryLimits = {
  maxWorlds: 2_000,
  idleMs: 12 * 60 * 60 * 1000,
  protectedMs: 60 * 60 * 1000,
};

/** Whether the least recently used world, unused this long, may make room for a new one when the registry is full. */
export function mayMakeRoom(leastRecentUnusedMs: number, limits: RegistryLimits): boolean {
  return leastRecentUnusedMs >= limits.protectedMs;
}

/**
 * The registry's two clocks, in milliseconds: lru-cache ages worlds on a monotonic one, and a kept
 * world's file carries a wall-clock time. Tests give one clock they move by hand.
 */
export interface RegistryClocks {
  readonly monotonic: () => number;
  readonly wall: () => number;
}

export const SYSTEM_CLOCKS: RegistryClocks = { monotonic: () => performance.now(), wall: () => Date.now() };
