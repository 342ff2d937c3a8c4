/**
 * The article the suite proves, as data: the one source of the step names in specs and reports.
 * Each step's text is our own summary in both languages; `ui` holds the words the article itself
 * prints on buttons, which the mock's zh-TW pages must match exactly.
 */
export const ARTICLE = {
  title: {
    'en-US': 'Sign up for an Azure subscription with your Office 365 account',
    'zh-TW': '使用 Office 365 帳戶註冊 Azure 訂用帳戶',
  },
  source: '../shared/seed/billing-use-existing-office-365-account-azure-subscription.zh-tw.md',
  url: 'https://docs.microsoft.com/zh-tw/azure/billing/billing-use-existing-office-365-account-azure-subscription',
} as const;

export type ArticleLocale = 'en-US' | 'zh-TW';

export interface ArticleStep {
  readonly id: 'step-1' | 'step-2' | 'step-3' | 'step-4';
  readonly number: 1 | 2 | 3 | 4;
  readonly text: Readonly<Record<ArticleLocale, string>>;
}

export const STEPS: readonly ArticleStep[] = [
  { id: 'step-1', number: 1, text: { 'en-US': 'Go to Azure.com', 'zh-TW': '移至 Azure.com' } },
  { id: 'step-2', number: 2, text: { 'en-US': 'Click Start free', 'zh-TW': '按一下 [開始免費使用]' } },
  {
    id: 'step-3',
    number: 3,
    text: {
      'en-US': 'Sign in with the Office 365 user name and password of the account the subscription should belong to',
      'zh-TW': '使用 Office 365 使用者名稱和密碼來登入，並使用要與 Azure 訂用帳戶建立關聯的帳戶',
    },
  },
  { id: 'step-4', number: 4, text: { 'en-US': 'Enter the required information and complete sign-up', 'zh-TW': '輸入必要資訊並完成註冊程序' } },
];

/** Words the article prints on the UI, which the zh-TW pages must show exactly. */
export const ARTICLE_UI = {
  startFree: { 'en-US': 'Start free', 'zh-TW': '開始免費使用' },
  signIn: { 'en-US': 'Sign in', 'zh-TW': '登入' },
} as const;

export function step(number: ArticleStep['number']): ArticleStep {
  const found = STEPS.find((candidate) => candidate.number === number);
  if (!found) throw new Error(`the article has no step ${number}`);
  return found;
}

/** A test.step title naming the article step it proves: "Step 2: Click Start free". */
export function stepTitle(number: ArticleStep['number'], locale: ArticleLocale): string {
  return `${locale === 'zh-TW' ? '步驟' : 'Step'} ${number}: ${step(number).text[locale]}`;
}

export interface Pitfall {
  readonly id: `pitfall-${1 | 2 | 3 | 4 | 5 | 6}`;
  readonly text: Readonly<Record<ArticleLocale, string>>;
}

/** The traps of PORTAL.md section 9, in our own words. */
export const PITFALLS: readonly Pitfall[] = [
  {
    id: 'pitfall-1',
    text: {
      'en-US': 'Two Office 365 accounts are remembered and the reader picks the wrong one: the Free Trial lands in Fabrikam',
      'zh-TW': '瀏覽器記住兩個 Office 365 帳戶，讀者挑選了錯誤的帳戶：免費試用版落在 Fabrikam',
    },
  },
  {
    id: 'pitfall-2',
    text: {
      'en-US': 'The address is also a personal account and the reader chooses Personal account: the Free Trial lands in a new Default Directory',
      'zh-TW': '同一個地址也是個人帳戶，讀者選擇了個人帳戶：免費試用版落在新的預設目錄',
    },
  },
  {
    id: 'pitfall-3',
    text: {
      'en-US': 'The browser is already signed in with the wrong account: Start free goes straight to the form, and "signed in as" is the only warning',
      'zh-TW': '瀏覽器已用錯誤的帳戶登入：[開始免費使用] 直接進入表單，「目前登入身分」是唯一的警告',
    },
  },
  {
    id: 'pitfall-4',
    text: { 'en-US': 'A Global administrator cannot see the subscription until given a role', 'zh-TW': '全域管理員在獲得角色之前看不到訂用帳戶' },
  },
  {
    id: 'pitfall-5',
    text: { 'en-US': 'After Change directory, the role assignments made before the move are gone', 'zh-TW': '變更目錄之後，移動前的角色指派都會消失' },
  },
  {
    id: 'pitfall-6',
    text: { 'en-US': 'Dave is refused a second free trial; Kim is refused for an unmanaged directory', 'zh-TW': 'Dave 無法再取得免費試用版；Kim 因目錄未受管理而被拒絕' },
  },
];

export function pitfall(id: Pitfall['id']): Pitfall {
  const found = PITFALLS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no ${id}`);
  return found;
}
