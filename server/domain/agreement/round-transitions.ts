/** Counts of problems by their judgment in round r (first word) and in round r + 1 (second). */
export interface RoundTransition {
  from: number;
  to: number;
  problems: number;
  correctToCorrect: number;
  correctToIncorrect: number;
  incorrectToCorrect: number;
  incorrectToIncorrect: number;
}

/**
 * Round transitions (MathSE, Fig. 2): how problems fare from one round of generated solutions to
 * the next. A problem's judgment in a round comes from the FINAL judgments of its solutions in
 * that round: "correct" when at least one of them is finally correct (the self-evolving loop asks
 * whether the model can now solve the problem at all), "incorrect" when some are judged and none
 * is correct; solutions without a final judgment are left out, and a problem with none judged in a
 * round has no judgment there. Only problems judged in both round r and round r + 1 count, for
 * every r such that r and r + 1 both occur. Input: parallel arrays per solution; verdict 0 correct,
 * 1 incorrect, −1 none. Output ascending by `from`.
 */
export function roundTransitions(problemId: ArrayLike<number>, round: ArrayLike<number>, verdict: ArrayLike<number>): RoundTransition[] {
  const byRound = new Map<number, Map<number, boolean>>(); // round → problem → any correct
  for (let s = 0; s < verdict.length; s++) {
    const v = verdict[s] as number;
    if (v < 0) continue;
    const r = round[s] as number;
    let problems = byRound.get(r);
    if (!problems) byRound.set(r, (problems = new Map()));
    const p = problemId[s] as number;
    problems.set(p, (problems.get(p) ?? false) || v === 0);
  }
  const rounds = [...byRound.keys()].sort((x, y) => x - y);
  const out: RoundTransition[] = [];
  for (const from of rounds) {
    const next = byRound.get(from + 1);
    if (!next) continue;
    const row: RoundTransition = { from, to: from + 1, problems: 0, correctToCorrect: 0, correctToIncorrect: 0, incorrectToCorrect: 0, incorrectToIncorrect: 0 };
    for (const [problem, before] of byRound.get(from) ?? []) {
      const after = next.get(problem);
      if (after === undefined) continue;
      row.problems += 1;
      if (before && after) row.correctToCorrect += 1;
      else if (before) row.correctToIncorrect += 1;
      else if (after) row.incorrectToCorrect += 1;
      else row.incorrectToIncorrect += 1;
    }
    out.push(row);
  }
  return out;
}
