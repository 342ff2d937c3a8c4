/**
 * What clients of the mock may rely on, in one place: the test kit, the suite and the scripts
 * read these names from here, never their own copies.
 */

/** The cookie that names the browser's world: its value is the world's unguessable id. */
export const WORLD_COOKIE = 'mock-world';

/** The cookie that keeps the language a browser chose. */
export const LANGUAGE_COOKIE = 'lang';

/** The cookie that names the learner a browser is, in a trainer's class. */
export const LEARNER_COOKIE = 'mock-learner';

/** Where the test-only API is mounted, in test mode only. */
export const TEST_API = '/__test__';
