// The table `npm run bench` ends with: each figure beside its raw baseline of the same run, the
// ratio, and the target (issue 20's where it set one, issue 7's otherwise).

const row = (figure, value, baseline, ratio, target, met) =>
  `| ${figure} | ${value} | ${baseline} | ${ratio} | ${target} | ${met === undefined ? '–' : met ? 'met' : 'missed'} |`;
const fmt = (n, unit = '') => (n === undefined ? '–' : `${n.toLocaleString('en-US')}${unit}`);

export const summarize = (r) => {
  const lines = [
    '| figure | value | raw baseline (same run) | ratio | target | |',
    '|---|---|---|---|---|---|',
  ];
  const a = r.append;
  if (a) {
    const g = a.group_commit_per_s / a.raw_bulk_per_s;
    lines.push(
      row(
        `append, group commit (${fmt(a.events)} events)`,
        fmt(a.group_commit_per_s, '/s'),
        fmt(a.raw_bulk_per_s, '/s'),
        g.toFixed(2),
        '≥ 0.8',
        g >= 0.8,
      ),
      row(
        'append, one command per transaction',
        fmt(a.one_per_tx_per_s, '/s'),
        fmt(a.raw_one_per_tx_per_s, '/s'),
        (a.one_per_tx_per_s / a.raw_one_per_tx_per_s).toFixed(2),
        '–',
      ),
    );
  }
  const l = r.latency_ms;
  if (l) {
    const c = l.command_p50 / l.raw_single_tx_p50;
    lines.push(
      row(
        'command acknowledged, p50',
        fmt(l.command_p50, ' ms'),
        fmt(l.raw_single_tx_p50, ' ms'),
        c.toFixed(2),
        '≤ 1.5',
        c <= 1.5,
      ),
      row(
        'command to every view, p50 / p95 / p99 (ratio: p95 to the raw p50)',
        `${l.command_to_view_p50} / ${l.command_to_view_p95} / ${l.command_to_view_p99} ms`,
        fmt(l.raw_single_tx_p50, ' ms'),
        String(l.command_to_view_p95_ratio),
        'p95 ≤ 6 ×',
        l.command_to_view_p95_ratio <= 6,
      ),
    );
  }
  const b = r.rebuild;
  if (b) {
    for (const [view, perS] of Object.entries(b.per_projection_per_s)) {
      const ratio = perS / b.raw_paged_read_per_s;
      lines.push(
        row(
          `rebuild ${view} (${fmt(b.events)} events)`,
          fmt(perS, '/s'),
          fmt(b.raw_paged_read_per_s, '/s'),
          ratio.toFixed(2),
          '≥ 0.7',
          ratio >= 0.7,
        ),
      );
    }
  }
  const m = r.main_thread;
  if (m)
    lines.push(
      row(
        `long tasks during a ${fmt(m.burst_commands)}-command burst`,
        `${m.long_tasks} (worst ${m.worst_task_ms} ms, worst frame ${m.worst_frame_ms} ms)`,
        '–',
        '–',
        '0',
        m.long_tasks === 0,
      ),
    );
  const s = r.bundle;
  if (s)
    lines.push(
      row(
        'initial JS (the page’s own), gzip',
        fmt(s.initial_js_gzip_kb, ' kB'),
        '–',
        '–',
        '≤ 150 kB',
        s.initial_js_gzip_kb <= 150,
      ),
      row(
        'all JS the first screen loads, with workers and charts',
        fmt(s.first_screen_js_gzip_kb, ' kB'),
        '–',
        '–',
        '–',
      ),
      row('all JS', fmt(s.total_js_gzip_kb, ' kB'), '–', '–', '–'),
    );
  const u = r.startup;
  if (u)
    lines.push(
      row(
        'first form usable after navigation, empty store',
        fmt(u.first_interaction_ms_empty, ' ms'),
        '–',
        '–',
        '≤ 1,000 ms',
        u.first_interaction_ms_empty <= 1000,
      ),
      ...[
        [u.events_100k, u.first_interaction_ms_100k],
        [u.events_1m, u.first_interaction_ms_1m],
      ].map(([events, ms]) =>
        row(
          `first form usable, ${fmt(events)} events (views caught up)`,
          fmt(ms, ' ms'),
          fmt(u.first_interaction_ms_empty, ' ms (empty)'),
          (ms / u.first_interaction_ms_empty).toFixed(2),
          '≤ 1,000 ms',
          ms <= 1000,
        ),
      ),
      row(
        `main-thread heap, ${fmt(u.events_100k)} events`,
        fmt(u.heap_mb_100k, ' MB'),
        '–',
        '–',
        '≤ 40 MB',
        u.heap_mb_100k <= 40,
      ),
      row(
        `main-thread heap, ${fmt(u.events_1m)} events`,
        fmt(u.heap_mb_1m, ' MB'),
        '–',
        '–',
        '≤ 60 MB',
        u.heap_mb_1m <= 60,
      ),
    );
  const h = r.lighthouse;
  if (h)
    lines.push(
      row(
        'Lighthouse mobile: performance',
        `${h.mobile_performance} (runs ${h.mobile.scores.join(', ')})`,
        '–',
        '–',
        '≥ 90',
        h.mobile_performance >= 90,
      ),
      row(
        'Lighthouse mobile: total blocking time',
        fmt(h.mobile_tbt_ms, ' ms'),
        '–',
        '–',
        '≤ 200 ms',
        h.mobile_tbt_ms <= 200,
      ),
      row(
        'Lighthouse mobile: largest contentful paint',
        fmt(h.mobile_lcp_ms, ' ms'),
        '–',
        '–',
        '≤ 2,500 ms',
        h.mobile_lcp_ms <= 2500,
      ),
      row(
        'Lighthouse desktop: performance',
        `${h.desktop_performance} (runs ${h.desktop.scores.join(', ')})`,
        '–',
        '–',
        '≥ 98',
        h.desktop_performance >= 98,
      ),
    );
  const c = r.race;
  if (c)
    lines.push(
      row(
        `race of two write workers (${fmt(c.commands)} commands): events lost, doubled, gapped, phantom`,
        fmt(c.anomalies),
        '–',
        '–',
        '0',
        c.anomalies === 0,
      ),
      row(
        'writers on one expected version that won: of 1,000 at once / rounds with one winner',
        `${fmt(c.same_version.accepted)} / ${fmt(c.rounds.one_winner_rounds)} of ${fmt(c.rounds.rounds)}`,
        '–',
        '–',
        `1 / ${fmt(c.rounds.rounds)}`,
        c.same_version.accepted === 1 && c.rounds.one_winner_rounds === c.rounds.rounds,
      ),
    );
  return lines.join('\n');
};
