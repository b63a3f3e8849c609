// With TRACE=1 in the environment: where the main thread's time goes while `run` runs,
// from a Chromium performance trace (ms by trace event, nested events counted in each).
export async function traced(cdp, label, run) {
  if (!process.env.TRACE) return run();
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on("Tracing.dataCollected", collect);
  await cdp.send("Tracing.start", { categories: "toplevel,devtools.timeline,disabled-by-default-devtools.timeline,v8.execute,blink", transferMode: "ReportEvents" });
  const out = await run();
  const done = new Promise((r) => cdp.once("Tracing.tracingComplete", r));
  await cdp.send("Tracing.end");
  await done;
  cdp.off("Tracing.dataCollected", collect);
  const tasks = events.filter((e) => e.ph === "X" && e.name === "RunTask");
  const perThread = tasks.reduce((a, e) => ((a[e.tid] = (a[e.tid] || 0) + e.dur), a), {});
  const tid = Object.entries(perThread).sort((a, b) => b[1] - a[1])[0]?.[0];
  const by = {};
  for (const e of events) if (e.ph === "X" && String(e.tid) === tid && e.dur) by[e.name] = (by[e.name] || 0) + e.dur / 1000;
  console.log(`  ${label}: main thread, ms by trace event`);
  for (const [name, ms] of Object.entries(by).sort((a, b) => b[1] - a[1]).slice(0, 12)) {
    console.log(`    ${name.padEnd(30)} ${ms.toFixed(1)}`);
  }
  return out;
}
