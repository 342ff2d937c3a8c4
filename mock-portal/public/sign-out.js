// Submits the sign-out form by itself, as Microsoft's page does; the button stays for browsers
// without script. Kept in a file because the Content-Security-Policy allows no inline script.
document.querySelector('[data-auto-submit]')?.click();
