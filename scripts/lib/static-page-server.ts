/**
 * The bench's static page (ratio 2's yardstick), served by Express from a process of its own on
 * $PORT, as the portal is: the time a browser needs to navigate to a page that costs nothing.
 */
import express from 'express';

const html =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>static</title></head><body><p>static</p></body></html>';
const app = express();
app.get('/static.html', (_req, res) => {
  res.type('html').send(html);
});
app.listen(Number(process.env.PORT));
