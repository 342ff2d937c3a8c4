import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import ejs from 'ejs';
import { VIEWS_ROOT } from '../src/http/render.js';
import { templateLocals } from '../src/http/template-locals.js';

const templates = [
  path.resolve(VIEWS_ROOT, '..', 'views', 'layout.ejs'),
  ...readdirSync(VIEWS_ROOT, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ejs'))
    .map((file) => path.join(VIEWS_ROOT, file)),
];

describe('the names a template reads from its locals', () => {
  it("are the identifiers in its code, not strings, properties, its own declarations or JavaScript's words", () => {
    const source = `<h1><%= t('home.title') %></h1><% const shown = draft.about.country; %><%- partial('/x', { name: 'y' }) %><% if (typeof account !== 'undefined') { %><%= shown %><% } %><%# a comment's 'quote' %>`;
    assert.deepEqual(templateLocals(source), ['account', 'draft', 'name', 'partial', 't']);
  });

  it('read the code inside a template literal and a spread', () => {
    assert.deepEqual(templateLocals('<%= t(`offer.${subscription.offerId}`, { ...params }) %>'), [
      'offer',
      'params',
      'subscription',
      't',
    ]);
  });

  it("leave EJS's own names alone (a var named include or __append would break the template)", () => {
    assert.deepEqual(templateLocals('<%- include("/a") %><% __append("x"); locals.y %>'), []);
  });

  for (const file of templates) {
    it(`compile every view without with: ${path.relative(VIEWS_ROOT, file)}`, () => {
      const source = readFileSync(file, 'utf8');
      assert.doesNotMatch(source, /\binclude\(/, 'partial(), not EJS include, which would copy every local');
      assert.doesNotThrow(() =>
        ejs.compile(source, { filename: file, _with: false, destructuredLocals: templateLocals(source) }),
      );
    });
  }
});
