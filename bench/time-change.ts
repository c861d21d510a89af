/** Shared by the benchmark and `npm run measure:large`: a change in the page, timed until its charts are drawn. */
/**
 * In the funding or match-making page: one change (a counting rule flipped, or the partner, area, first-year or
 * region filter set or cleared), timed from the click until every query it started has answered and the charts have drawn them.
 */
export const TIME_CHANGE = `window.gpChange = async (what) => {
  const count = (name) => performance.getEntriesByName(name).length;
  const select = (name) => [...document.querySelectorAll('label')]
    .find((l) => l.textContent.trim().startsWith(name)).querySelector('select');
  const flip = (s, value) => {
    s.value = s.value === '' ? value : '';
    s.dispatchEvent(new Event('change', { bubbles: true }));
  };
  const startsBefore = count('gp:query-start');
  const start = performance.now();
  if (what === 'rule') {
    // The first rule after the stage (domestic spending): flip it to its other setting.
    document.querySelectorAll('section.rules .controls fieldset')[1].querySelector('input:not(:checked)').click();
  } else if (what === 'partner') flip(select('Partner'), select('Partner').options[1].value);
  else if (what === 'region') flip(select('Region'), 'Asia');
  else if (what === 'select') {
    // A click on the largest partner's bar (a link): selects it, and the next click clears it.
    document.querySelector('#by-partner svg g.counted-stage a')
      .dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  }
  else if (what === 'yearClick') {
    // A click on 2005's column in the per-year chart: selects that year, and the next click clears it.
    document.querySelector('#by-year svg g.year-columns a[data-select-key="2005"]')
      .dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, view: window }));
  }
  else if (what === 'area') flip(select('Priority area'), 'biological_security');
  else flip(select('From'), '2005');
  await new Promise((done) => {
    const check = () => {
      const settled = count('gp:query-start') > startsBefore && count('gp:query-end') === count('gp:query-start');
      if (settled) requestAnimationFrame(() => done());
      else requestAnimationFrame(check);
    };
    check();
  });
  const lastAnswer = performance.getEntriesByName('gp:query-end').at(-1).startTime;
  const drawn = performance.getEntriesByName('gp:chart').filter((c) => c.startTime >= lastAnswer);
  // Where the time went: waiting for the engine's answers, and building charts (each build is measured).
  const builds = performance.getEntriesByName('gp:chart-build').filter((b) => b.startTime >= start);
  window.gpSplits = [...(window.gpSplits ?? []), {
    queries: lastAnswer - start,
    charts: builds.reduce((sum, b) => sum + b.duration, 0)
  }];
  return (drawn.at(-1)?.startTime ?? lastAnswer) - start;
};`;
