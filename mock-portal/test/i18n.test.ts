import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { enUS } from '../src/i18n/en-US.js';
import { localeFromAcceptLanguage, translator } from '../src/i18n/index.js';
import { zhTW } from '../src/i18n/zh-TW.js';

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

  it("say the contract's zh-TW wording exactly", () => {
    const t = translator('zh-TW');
    assert.equal(t('home.startFree'), '開始免費使用');
    assert.equal(t('login.signIn'), '登入');
    assert.equal(t('login.username'), '電子郵件、電話或 Skype');
    assert.equal(t('login.next'), '下一步');
    assert.equal(t('login.enterPassword'), '輸入密碼');
    assert.equal(t('login.kmsi.heading'), '保持登入?');
    assert.equal(t('login.yes'), '是');
    assert.equal(t('login.no'), '否');
    assert.equal(t('signup.signUp'), '註冊');
    assert.equal(t('signup.done.heading'), '您的訂用帳戶已就緒！');
    assert.equal(t('signup.done.manage'), '開始管理我的服務');
    assert.equal(t('portal.subscriptions'), '訂用帳戶');
    assert.equal(t('portal.directory'), '目錄');
    assert.equal(t('portal.noSubscriptions'), '找不到任何訂用帳戶');
    assert.equal(t('signup.useDifferentAccount'), '使用不同的帳戶');
    assert.equal(t('offer.MS-AZR-0044P'), '免費試用版');
    assert.equal(t('signup.textMe'), '傳簡訊給我');
    assert.equal(t('signup.callMe'), '打電話給我');
    assert.equal(t('signup.verifyCode'), '驗證代碼');
    assert.equal(t('role.Owner'), '擁有者');
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
