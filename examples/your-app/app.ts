// Your app: a few dozen lines of Express that sign people in with Microsoft's own library (MSAL),
// pointed at the mock instead of login.microsoftonline.com. Run it as examples/your-app/README.md says.
import { ConfidentialClientApplication, CryptoProvider } from '@azure/msal-node';
import express from 'express';
import session from 'express-session';

const port = Number(process.env.PORT ?? 5000);
const authority = process.env.AUTHORITY ?? 'https://localhost:3000/login/common';
const redirectUri = `http://localhost:${port}/redirect`;
const scopes = ['User.Read'];

const msal = new ConfidentialClientApplication({
  auth: {
    clientId: process.env.CLIENT_ID ?? 'your-app',
    clientSecret: process.env.CLIENT_SECRET ?? 'your-app-secret-change-me',
    authority,
    // MSAL asks Microsoft which hosts are sign-in services; this one it must be told.
    knownAuthorities: [new URL(authority).host],
  },
});
const crypto = new CryptoProvider();

declare module 'express-session' {
  interface SessionData {
    pending: { verifier: string; state: string };
    user: { username: string; tenantId: string };
  }
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
const app = express();
app.use(session({ secret: crypto.createNewGuid(), resave: false, saveUninitialized: false }));

app.get('/', (req, res) => {
  const { user } = req.session;
  res.send(
    user
      ? `<p>Signed in as <b>${escape(user.username)}</b> in tenant <code>${escape(user.tenantId)}</code></p><p><a href="/signin?prompt=select_account">Sign in as someone else</a></p>`
      : '<p><a href="/signin">Sign in with Microsoft</a></p>',
  );
});

app.get('/signin', async (req, res) => {
  const { verifier, challenge } = await crypto.generatePkceCodes();
  const state = crypto.createNewGuid();
  req.session.pending = { verifier, state };
  const prompt = req.query.prompt === 'select_account' ? 'select_account' : undefined;
  const url = await msal.getAuthCodeUrl({
    scopes,
    redirectUri,
    codeChallenge: challenge,
    codeChallengeMethod: 'S256',
    state,
    ...(prompt ? { prompt } : {}),
  });
  res.redirect(url);
});

app.get('/redirect', async (req, res) => {
  const { pending } = req.session;
  delete req.session.pending;
  if (!pending || req.query.state !== pending.state || typeof req.query.code !== 'string') {
    const why = req.query.error_description;
    res
      .status(400)
      .send(`<p>Not signed in: ${escape(typeof why === 'string' ? why : 'no sign-in was started here')}</p>`);
    return;
  }
  try {
    const result = await msal.acquireTokenByCode({
      code: req.query.code,
      redirectUri,
      scopes,
      codeVerifier: pending.verifier,
    });
    req.session.user = { username: result.account?.username ?? '', tenantId: result.tenantId };
    res.redirect('/');
  } catch (error) {
    res.status(400).send(`<p>Not signed in: ${escape((error as Error).message)}</p>`);
  }
});

app.listen(port, () => console.log(`Your app: http://localhost:${port}/ (signs in at ${authority})`));
