import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enUS } from '../src/i18n/en-US.js';
import { localeFromAcceptLanguage, translator, type MessageKey } from '../src/i18n/index.js';
import { zhTW } from '../src/i18n/zh-TW.js';
import { zhTwSpacingProblems } from '../src/i18n/typography.js';

/** PORTAL.md section 8, row by row: the key that shows the words, then en-US and zh-TW. */
const WORDING_TABLE: readonly (readonly [MessageKey, string, string])[] = [
  ['home.startFree', 'Start free', '開始免費使用'],
  ['login.signIn', 'Sign in', '登入'],
  ['login.username', 'Email, phone, or Skype', '電子郵件、電話或 Skype'],
  ['login.next', 'Next', '下一步'],
  ['login.enterPassword', 'Enter password', '輸入密碼'],
  ['login.pick.heading', 'Pick an account', '挑選帳戶'],
  ['login.useAnother', 'Use another account', '使用其他帳戶'],
  ['scenarios.kind.work', 'Work or school account', '公司或學校帳戶'],
  ['scenarios.kind.personal', 'Personal account', '個人帳戶'],
  ['login.kmsi.heading', 'Stay signed in?', '保持登入？'],
  ['login.yes', 'Yes', '是'],
  ['login.no', 'No', '否'],
  ['signup.signUp', 'Sign up', '註冊'],
  ['signup.done.heading', 'Your subscription is ready for you!', '您的訂用帳戶已就緒！'],
  ['signup.done.manage', 'Start managing my service', '開始管理我的服務'],
  ['portal.subscriptions', 'Subscriptions', '訂用帳戶'],
  ['portal.directory', 'Directory', '目錄'],
  ['portal.nav.iam', 'Access control (IAM)', '存取控制 (IAM)'],
  ['portal.iam.add', 'Add', '新增'],
  ['role.Owner', 'Owner', '擁有者'],
  ['role.Contributor', 'Contributor', '參與者'],
  ['role.Reader', 'Reader', '讀者'],
  ['portal.iam.save', 'Save', '儲存'],
  ['portal.nav.properties', 'Properties', '屬性'],
  ['portal.accountAdmin', 'Account admin', '帳戶管理員'],
  ['role.ServiceAdmin', 'Service admin', '服務管理員'],
  ['portal.nav.changeDirectory', 'Change directory', '變更目錄'],
  ['portal.change.button', 'Change', '變更'],
  ['portal.noSubscriptions', 'No subscriptions found', '找不到訂用帳戶'],
  ['portal.switchDirectory', 'Switch directory', '切換目錄'],
  ['signup.useDifferentAccount', 'Use a different account', '使用不同的帳戶'],
  ['offer.MS-AZR-0044P', 'Free Trial', '免費試用版'],
  ['signup.textMe', 'Text me', '傳送簡訊'],
  ['signup.callMe', 'Call me', '撥號給我'],
  ['signup.verifyCode', 'Verify code', '驗證'],
  ['signup.about', 'About you', '關於您'],
  ['signup.phone', 'Identity verification by phone', '依據手機進行身分識別驗證'],
  ['signup.card', 'Identity verification by card', '依據卡片進行身分識別驗證'],
  ['signup.agreement', 'Agreement', '合約'],
  ['portal.overview.active', 'Active', '作用中'],
];

/** Han characters and the full-width forms and CJK punctuation that stand with them. */
const HAN = '\\p{Script=Han}\\u3000-\\u303f\\uff00-\\uffef';

/** Placeholders whose values are Chinese in zh-TW (a role, an offer, a membership); the others carry names and addresses. */
const CHINESE_PLACEHOLDERS = new Set(['role', 'offer', 'membership']);

/** A message as a reader sees it, its placeholders filled with a Chinese word or a Latin name as their values would be. */
const asShown = (message: string) =>
  message.replace(/\{(\w+)\}/g, (_, name: string) => (CHINESE_PLACEHOLDERS.has(name) ? '讀者' : 'Contoso'));

const BRITISH_SPELLING = /centre|licence|colour|organis|behaviour|cancelled|favour|programme|catalogue/i;

describe('the message catalogues', () => {
  it('have the same keys and no empty message', () => {
    assert.deepEqual(Object.keys(zhTW).sort(), Object.keys(enUS).sort());
    for (const [key, value] of [...Object.entries(enUS), ...Object.entries(zhTW)]) assert.ok(value.trim(), key);
  });

  it('use the same placeholders in both languages', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(enUS) as (keyof typeof enUS)[])
      assert.deepEqual(placeholders(zhTW[key]), placeholders(enUS[key]), key);
  });

  it('say the whole wording table of the contract (PORTAL.md section 8) exactly, in both languages', () => {
    const en = translator('en-US');
    const zh = translator('zh-TW');
    for (const [key, english, chinese] of WORDING_TABLE) {
      assert.equal(en(key), english, `${key} in en-US`);
      assert.equal(zh(key), chinese, `${key} in zh-TW`);
    }
  });

  it('use the words of the table inside longer messages too', () => {
    assert.match(translator('en-US')('signup.agree'), /offer details/);
    assert.match(translator('zh-TW')('signup.agree'), /供應項目詳細資料/);
    assert.match(
      translator('en-US')('signup.refused.account-type-not-supported.body', { account: 'kim@adatum.com' }),
      /unmanaged directory/,
    );
    assert.match(
      translator('zh-TW')('signup.refused.account-type-not-supported.body', { account: 'kim@adatum.com' }),
      /非受控目錄/,
    );
  });

  it("set Chinese as Microsoft's Taiwan pages do: no ASCII space between Chinese words, no half-width punctuation in a Chinese sentence", () => {
    const rules: [string, RegExp][] = [
      ['a space between Chinese words', new RegExp(`[${HAN}] [${HAN}]`, 'u')],
      ['half-width punctuation', new RegExp(`[${HAN}][,;:!?]|[,;:!?] ?[${HAN}]`, 'u')],
      ['half-width parentheses around Chinese', new RegExp(`\\([^)]*[${HAN}][^)]*\\)`, 'u')],
    ];
    const offending = Object.entries(zhTW).flatMap(([key, message]) => [
      ...rules.filter(([, rule]) => rule.test(asShown(message))).map(([problem]) => `${key}: ${problem}`),
      ...zhTwSpacingProblems(asShown(message)).map((problem) => `${key}: ${problem}`),
    ]);
    assert.deepEqual(offending, []);
  });

  it('hold one rule for Chinese beside Latin text: one space, none beside full-width punctuation', () => {
    for (const good of [
      '使用 Office 365 帳戶註冊 Azure 訂用帳戶',
      '按一下 [開始免費使用]。',
      '您以 alice@contoso.com 註冊。',
      '目錄 Contoso 中的免費試用版：US$200 點數，可使用 30 天。',
      '主目錄是 Contoso（ID 權杖中的 tid），',
      '（Contoso）',
    ])
      assert.deepEqual(zhTwSpacingProblems(good), [], good);
    for (const [bad, problem] of [
      ['您以alice@contoso.com 註冊', 'no space between Chinese and Latin text'],
      ['您以 alice@contoso.com註冊', 'no space between Chinese and Latin text'],
      ['可使用30 天', 'no space between Chinese and Latin text'],
      ['按一下[開始免費使用]', 'no space between Chinese and a bracketed name'],
      ['[變更目錄]無法', 'no space between Chinese and a bracketed name'],
      ['位於 Contoso 。', 'a space beside full-width punctuation'],
      ['註冊： alice@contoso.com', 'a space beside full-width punctuation'],
      ['現在擁有 讀者', 'a space between Chinese characters'],
      ['目錄  Contoso', 'two spaces'],
    ] as const)
      assert.ok(
        zhTwSpacingProblems(bad).some((found) => found.startsWith(problem)),
        `${bad}: ${zhTwSpacingProblems(bad).join('; ') || 'no problem found'}`,
      );
    // A page's rendered text: white space between two elements is layout, a missing space is not.
    assert.deepEqual(zhTwSpacingProblems('您的世界代碼： 4MJ-QPK', 'missing'), []);
    assert.notDeepEqual(zhTwSpacingProblems('您的世界代碼： 4MJ-QPK'), []);
    assert.notDeepEqual(zhTwSpacingProblems('您以alice@contoso.com 註冊', 'missing'), []);
  });

  it('spell en-US the US way', () => {
    const british = Object.entries(enUS).filter(([, message]) => BRITISH_SPELLING.test(message));
    assert.deepEqual(
      british.map(([key]) => key),
      [],
    );
  });

  it('fill placeholders', () => {
    assert.equal(translator('en-US')('signup.step', { n: 2 }), 'Step 2');
  });
});

describe('Accept-Language', () => {
  it('picks zh-TW for Traditional Chinese tags and en-US otherwise, by q-value', () => {
    assert.equal(localeFromAcceptLanguage('zh-TW'), 'zh-TW');
    assert.equal(localeFromAcceptLanguage('zh-Hant-TW,en;q=0.5'), 'zh-TW');
    assert.equal(localeFromAcceptLanguage('en;q=0.9,zh-TW;q=1'), 'zh-TW');
    assert.equal(localeFromAcceptLanguage('fr,zh-TW;q=0'), 'en-US');
    assert.equal(localeFromAcceptLanguage(undefined), 'en-US');
    assert.equal(localeFromAcceptLanguage(';;;,,,q=abc'), 'en-US');
  });
});
