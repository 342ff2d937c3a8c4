// Copy buttons: each copies the value of the field it names and says so. Kept in a file because
// the Content-Security-Policy allows no inline script; the buttons stay hidden without script,
// where the field can still be selected and copied by hand.
for (const button of document.querySelectorAll('[data-copy]')) {
  const field = document.getElementById(button.dataset.copy);
  const status = document.getElementById(button.dataset.copyStatus);
  button.hidden = false;
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(field.value);
      status.textContent = button.dataset.copied;
    } catch {
      // No clipboard here (a page not served over HTTPS or from localhost): select it for the person.
      field.select();
      status.textContent = button.dataset.copyFailed;
    }
  });
}
