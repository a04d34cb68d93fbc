import { useMemo, useState } from 'react';
import type { AdjudicationDto, OrmDto, SolutionViewDto } from '../../../shared/schemas/api';
import { putAdjudication } from '../../api/adjudication';
import { ApiError, describeError, problemsOf } from '../../api/api-error';
import { getSolution } from '../../api/solutions';
import { Link } from '../../app/Link';
import { ProjectNav } from '../../app/ProjectNav';
import { paths } from '../../app/routes';
import { useRemote } from '../../app/use-remote';
import { MathText } from '../../math/MathText';
import '../annotate/annotate.css';
import { humaniseProblem, judgmentFromOrm } from '../annotate/judgment-text';
import { DiagramOverlay, type RegionLayer } from './DiagramOverlay';
import { GoldForm, type GoldDraft } from './GoldForm';
import { JudgmentDetails, LabelCards, type NamedAnnotation } from './LabelCards';
import { ReviewSteps } from './ReviewSteps';
import { annotatorColour, EMPTY_JUDGMENT, judgmentOf, summariseJudgment } from './review-text';
import './review.css';

const GOLD_COLOUR = '#111827';

/**
 * /projects/:project/review/:solutionId (lead+): the problem, the numbered steps, every
 * annotator's labels and the ORM's side by side, their regions overlaid on the diagram, and the
 * gold form — start from someone's judgment, edit, give a reason, save (conflicts shown).
 */
export function AdjudicatePage({ project, solutionId }: { project: string; solutionId: number }) {
  const view = useRemote(() => getSolution(solutionId), String(solutionId));
  return (
    <main className="page adjudicate-page">
      <ProjectNav project={project} current="Review" />
      <p>
        <Link href={paths.projectReview(project)}>← Back to the review list</Link>
      </p>
      {view.error && <p role="alert">Could not load solution {solutionId}: {view.error}</p>}
      {view.loading && !view.data && <p className="muted" role="status">Loading…</p>}
      {view.data && <Adjudication key={view.loadedAt} project={project} view={view.data} />}
    </main>
  );
}

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; version: number }
  | { kind: 'conflict'; current: AdjudicationDto | null }
  | { kind: 'error'; message: string; problems: string[] };

function Adjudication({ project, view }: { project: string; view: SolutionViewDto }) {
  const { problem, solution, orm } = view;
  const annotations: NamedAnnotation[] = useMemo(() => view.annotations ?? [], [view.annotations]);
  const colours = useMemo(() => new Map(annotations.map((a, i) => [a.annotator, annotatorColour(i)])), [annotations]);
  const colourOf = (name: string) => colours.get(name) ?? annotatorColour(0);
  const [stored, setStored] = useState<AdjudicationDto | null>(view.adjudication ?? null);
  const [draft, setDraft] = useState<GoldDraft>(() => initialDraft(view.adjudication ?? null));
  const [save, setSave] = useState<SaveState>({ kind: 'idle' });
  const version = stored?.version ?? 0;

  const change = (next: GoldDraft) => {
    setDraft(next);
    if (save.kind === 'saved') setSave({ kind: 'idle' });
  };
  const useAnnotation = (a: NamedAnnotation) => change({ ...draft, fields: judgmentOf(a), startedFrom: a.annotator });
  const useOrm = (judgment: OrmDto) =>
    change({
      ...draft,
      fields: { ...EMPTY_JUDGMENT, ...judgmentFromOrm(judgment, EMPTY_JUDGMENT, solution.steps.length) },
      startedFrom: `the ORM (${judgment.model})`,
    });

  const doSave = async (overVersion = version) => {
    setSave({ kind: 'saving' });
    try {
      const outcome = await putAdjudication(solution.id, { ...draft.fields, reason: draft.reason, qc: draft.qc, version: overVersion });
      if (outcome.kind === 'saved') {
        setStored(outcome.adjudication);
        setSave({ kind: 'saved', version: outcome.adjudication.version });
      } else {
        setSave({ kind: 'conflict', current: outcome.current });
      }
    } catch (error) {
      const problems = error instanceof ApiError ? problemsOf(error).map(humaniseProblem) : [];
      setSave({ kind: 'error', message: describeError(error), problems });
    }
  };

  const layers: RegionLayer[] = [
    ...annotations.map((a) => ({ name: a.annotator, colour: colourOf(a.annotator), regions: a.regions })),
    { name: 'Gold (the form below)', colour: GOLD_COLOUR, regions: draft.fields.regions, dashed: true },
  ];
  const meta = [problem.subject, problem.source, problem.externalId].filter(Boolean).join(' · ');

  return (
    <>
      <div className="page-head">
        <h1>Adjudicate {solution.externalId}</h1>
        <span className="muted">
          {solution.model} · round {solution.round} · {annotations.length} annotator{annotations.length === 1 ? '' : 's'}
        </span>
        <Link href={paths.solutionHistory(project, solution.id)}>History</Link>
      </div>

      <div className="adjudicate-top">
        <section className="review-panel" aria-labelledby="review-problem-heading">
          <h2 id="review-problem-heading">Problem</h2>
          <p className="muted">{meta}</p>
          <div className="question">
            <MathText text={problem.question} />
          </div>
          {problem.images.length > 0 && <DiagramOverlay images={problem.images} layers={layers} />}
          {problem.answer && (
            <p>
              Reference answer: <MathText text={problem.answer} formula />
            </p>
          )}
        </section>
        <ReviewSteps solution={solution} annotations={annotations} orm={orm} colourOf={colourOf} goldStep={goldStepOf(draft)} />
      </div>

      <section className="review-panel" aria-labelledby="review-labels-heading">
        <h2 id="review-labels-heading">Labels side by side</h2>
        <LabelCards annotations={annotations} orm={orm} colourOf={colourOf} onUseAnnotation={useAnnotation} onUseOrm={useOrm} />
      </section>

      <section className="review-panel gold-panel" aria-labelledby="review-gold-heading">
        <h2 id="review-gold-heading">Gold judgment</h2>
        <p className="muted" role="status" aria-label="Adjudication status">
          {stored
            ? `Adjudicated by ${stored.adjudicator} (version ${stored.version}${stored.qc ? ', QC item' : ''}): ${summariseJudgment(stored)}`
            : 'Not adjudicated yet.'}
        </p>
        <GoldForm
          solutionId={solution.id}
          stepCount={solution.steps.length}
          taxonomy={view.project.taxonomy}
          draft={draft}
          onChange={change}
          onSave={() => void doSave()}
          saving={save.kind === 'saving'}
        />
        <SaveFeedback
          state={save}
          onLoadTheirs={(current) => {
            setStored(current);
            setDraft(initialDraft(current));
            setSave({ kind: 'idle' });
          }}
          onOverwrite={(current) => {
            setStored(current);
            void doSave(current?.version ?? 0);
          }}
        />
      </section>
    </>
  );
}

function goldStepOf(draft: GoldDraft): number | null {
  return draft.fields.verdict === 'incorrect' ? draft.fields.firstErrorStep : null;
}

function initialDraft(stored: AdjudicationDto | null): GoldDraft {
  return stored
    ? { fields: judgmentOf(stored), reason: stored.reason, qc: stored.qc, startedFrom: null }
    : { fields: judgmentOf(EMPTY_JUDGMENT), reason: '', qc: false, startedFrom: null };
}

function SaveFeedback(props: {
  state: SaveState;
  onLoadTheirs: (current: AdjudicationDto | null) => void;
  onOverwrite: (current: AdjudicationDto | null) => void;
}) {
  const { state } = props;
  if (state.kind === 'saved') {
    return (
      <p className="save-ok" role="status">
        Saved gold judgment (version {state.version}).
      </p>
    );
  }
  if (state.kind === 'error') {
    return (
      <div role="alert" className="save-error">
        <p>Not saved: {state.message}</p>
        {state.problems.length > 0 && (
          <ul>
            {state.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
    );
  }
  if (state.kind === 'conflict') {
    const { current } = state;
    return (
      <div role="alert" className="conflict-notice">
        <p>
          <strong>Not saved: someone else saved this gold meanwhile</strong>
          {current ? ` (${current.adjudicator}, version ${current.version}).` : '.'}
        </p>
        {current && (
          <>
            <p>Their judgment: {summariseJudgment(current)}. Reason: {current.reason}</p>
            <details>
              <summary>All their fields</summary>
              <JudgmentDetails judgment={current} />
            </details>
          </>
        )}
        <button type="button" onClick={() => props.onLoadTheirs(current)}>
          Load theirs
        </button>{' '}
        <button type="button" onClick={() => props.onOverwrite(current)}>
          Save mine over theirs
        </button>
      </div>
    );
  }
  return null;
}
