// The trainer view's list, fetched again every few seconds and swapped in when it changed.
const region = document.getElementById('class');
if (region) {
  const source = region.dataset.live;
  let last = '';
  setInterval(async () => {
    try {
      const response = await fetch(source, { credentials: 'same-origin', headers: { accept: 'text/html' } });
      if (!response.ok) return;
      const html = await response.text();
      if (html === last) return;
      last = html;
      region.innerHTML = html;
    } catch {
      // The server is restarting: the next round tries again.
    }
  }, 3000);
}
