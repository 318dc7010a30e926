// Copy buttons: <button data-copy="element-id"> copies that element's text.
for (const button of document.querySelectorAll('button[data-copy]')) {
  button.addEventListener('click', async () => {
    const text = document.getElementById(button.dataset.copy)?.textContent ?? '';
    try {
      await navigator.clipboard.writeText(text.trim());
      button.dataset.copied = 'true';
    } catch {
      window.getSelection()?.selectAllChildren(document.getElementById(button.dataset.copy));
    }
  });
}
