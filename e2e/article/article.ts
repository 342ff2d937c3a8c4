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
  {
    id: 'step-4',
    number: 4,
    text: { 'en-US': 'Enter the required information and complete sign-up', 'zh-TW': '輸入必要資訊並完成註冊程序' },
  },
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

/** The traps the article warns of, and their neighbours, in our own words. */
export const PITFALLS: readonly Pitfall[] = [
  {
    id: 'pitfall-1',
    text: {
      'en-US':
        'Two Office 365 accounts are remembered and the reader picks the wrong one: the Free Trial lands in Fabrikam',
      'zh-TW': '瀏覽器記住兩個 Office 365 帳戶，讀者挑選了錯誤的帳戶：免費試用版落在 Fabrikam',
    },
  },
  {
    id: 'pitfall-2',
    text: {
      'en-US':
        'The address is also a personal account and the reader chooses Personal account: the Free Trial lands in a new Default Directory',
      'zh-TW': '同一個地址也是個人帳戶，讀者選擇了個人帳戶：免費試用版落在新的預設目錄',
    },
  },
  {
    id: 'pitfall-3',
    text: {
      'en-US':
        'The browser is already signed in with the wrong account: Start free goes straight to the form, and "signed in as" is the only warning',
      'zh-TW': '瀏覽器已用錯誤的帳戶登入：[開始免費使用] 直接進入表單，「目前登入身分」是唯一的警告',
    },
  },
  {
    id: 'pitfall-4',
    text: {
      'en-US': 'A Global administrator cannot see the subscription until given a role',
      'zh-TW': '全域管理員在獲得角色之前看不到訂用帳戶',
    },
  },
  {
    id: 'pitfall-5',
    text: {
      'en-US': 'After Change directory, the role assignments made before the move are gone',
      'zh-TW': '變更目錄之後，移動前的角色指派都會消失',
    },
  },
  {
    id: 'pitfall-6',
    text: {
      'en-US': 'Dave is refused a second free trial; Kim is refused for an unmanaged directory',
      'zh-TW': 'Dave 無法再取得免費試用版；Kim 因目錄未受管理而被拒絕',
    },
  },
];

export interface Rule {
  readonly id: `rule-${string}`;
  readonly text: Readonly<Record<ArticleLocale, string>>;
}

/** The rules the article states in its background section, and those of the portal around it, one each, in our own words. */
export const RULES = [
  {
    id: 'rule-lands-in-home-directory',
    text: {
      'en-US': "A subscription lands in the home directory of the account that signed up (the ID token's tid)",
      'zh-TW': '訂用帳戶會落在註冊者所屬的目錄（ID 權杖的 tid）',
    },
  },
  {
    id: 'rule-personal-default-directory',
    text: {
      'en-US': 'A personal Microsoft account gets a new Default Directory, and its subscription lands there',
      'zh-TW': '個人 Microsoft 帳戶會取得新的預設目錄，訂用帳戶落在該目錄',
    },
  },
  {
    id: 'rule-signer-is-owner',
    text: {
      'en-US': 'Whoever signs up becomes Account admin, Service admin and Owner; no directory role is needed',
      'zh-TW': '註冊者成為帳戶管理員、服務管理員與擁有者；不需要目錄角色',
    },
  },
  {
    id: 'rule-office-365-owned-by-directory',
    text: {
      'en-US': 'An Office 365 subscription belongs to the directory; only directory admins see it',
      'zh-TW': 'Office 365 訂用帳戶屬於目錄；只有目錄管理員看得到',
    },
  },
  {
    id: 'rule-global-admin-no-azure-access',
    text: {
      'en-US': 'Being Global administrator gives no access to an Azure subscription',
      'zh-TW': '全域管理員身分不會授與 Azure 訂用帳戶的存取權',
    },
  },
  {
    id: 'rule-portal-without-subscription',
    text: {
      'en-US': 'Without an Azure subscription one can sign in to the portal, but not create a virtual machine',
      'zh-TW': '沒有 Azure 訂用帳戶也能登入入口網站，但無法建立虛擬機器',
    },
  },
  {
    id: 'rule-free-trial-once',
    text: {
      'en-US': 'A free trial is offered once: an owner of an Azure subscription is told "Free Trial is not available"',
      'zh-TW': '免費試用版只提供一次：已擁有 Azure 訂用帳戶者會看到「無法使用免費試用版」',
    },
  },
  {
    id: 'rule-unmanaged-directory-refused',
    text: { 'en-US': 'Accounts of an unmanaged directory cannot sign up', 'zh-TW': '未受管理目錄的帳戶無法註冊' },
  },
  {
    id: 'rule-access-control',
    text: {
      'en-US': "Only Owners give Owner, Contributor or Reader to members and guests of the subscription's directory",
      'zh-TW': '只有擁有者能將擁有者、參與者或讀者角色授與訂用帳戶目錄的成員與來賓',
    },
  },
  {
    id: 'rule-administrators',
    text: {
      'en-US': 'The Account admin changes the Service admin; co-administrators (at most 200) are added and removed',
      'zh-TW': '帳戶管理員變更服務管理員；可新增與移除共同管理員（最多 200 位）',
    },
  },
  {
    id: 'rule-change-directory',
    text: {
      'en-US':
        "An Owner who belongs to the target directory moves the subscription; assignments and co-administrators go, the mover's access and billing stay",
      'zh-TW': '屬於目標目錄的擁有者可移動訂用帳戶；角色指派與共同管理員會移除，移動者的存取權與帳單擁有權保留',
    },
  },
  {
    id: 'rule-co-admin-cannot-move',
    text: {
      'en-US': "A co-administrator cannot change the subscription's directory",
      'zh-TW': '共同管理員無法變更訂用帳戶的目錄',
    },
  },
  {
    id: 'rule-exactly-once',
    text: {
      'en-US': 'A sign-up is placed exactly once, however often the form is sent',
      'zh-TW': '無論表單送出幾次，註冊只會建立一個訂用帳戶',
    },
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof RULES)[number]['id'];
export type ItemKind = 'step' | 'rule' | 'pitfall';
export type ItemId = ArticleStep['id'] | Pitfall['id'] | RuleId;

/** Everything the suite must prove: the article's steps, its rules and the pitfalls, in that order. */
export interface ArticleItem {
  readonly id: ItemId;
  readonly kind: ItemKind;
  readonly text: Readonly<Record<ArticleLocale, string>>;
}

export const ARTICLE_ITEMS: readonly ArticleItem[] = [
  ...STEPS.map((s) => ({ id: s.id, kind: 'step' as const, text: s.text })),
  ...RULES.map((r) => ({ id: r.id, kind: 'rule' as const, text: r.text })),
  ...PITFALLS.map((p) => ({ id: p.id, kind: 'pitfall' as const, text: p.text })),
];

export function articleItem(id: ItemId): ArticleItem {
  const found = ARTICLE_ITEMS.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`the article has no item ${id}`);
  return found;
}
