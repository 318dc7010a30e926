// The users list: "select every user on this page" (the box is hidden without script).
const all = document.getElementById('select-page');
if (all) {
  const boxes = () => [...document.querySelectorAll('input[name="users"]')];
  all.hidden = false;
  all.addEventListener('change', () => {
    for (const b of boxes()) b.checked = all.checked;
  });
  for (const b of boxes())
    b.addEventListener('change', () => {
      all.checked = boxes().every((x) => x.checked);
    });
}
