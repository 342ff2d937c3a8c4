/** The trainer key the suite's server is started with (playwright.config.ts), or the one of a server given by BASE_URL. */
export const TRAINER_KEY = process.env.TRAINER_KEY ?? 'e2e-trainer-key-not-a-secret';
