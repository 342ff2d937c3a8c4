import { describe } from 'node:test';
import { createAdapterFactory } from '../src/services/login/adapter.js';
import { storageContract } from './oidc-storage-contract.js';

describe("oidc-provider's models in memory (one process)", () => {
  storageContract(() => createAdapterFactory());
});
