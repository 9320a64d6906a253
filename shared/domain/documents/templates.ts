import type { IsoDate } from '../calendar';
import type { DocumentKind, DocumentModel } from './documentModel';
import type {
  DeclineDecisionSources,
  ListSources,
  LetterSources,
  MinutesSources,
  MunicipalityNoticeSources,
  OrderSources,
  P47NoticeSources,
  TransferNoticeSources,
  ProposalSources,
  ReturnDecisionSources,
  ReturnSubmissionSources,
  StatisticsReportSources,
  SubmissionSources,
} from './documentSources';
import { buildLetter } from './letter';
import { buildList } from './list';
import { buildMinutes } from './minutes';
import { buildMunicipalityNotice, buildP47Notice } from './notices';
import { buildProposal } from './proposal';
import { buildReturnDecision, buildReturnSubmission } from './returnDocuments';
import { buildStatisticsReport } from './statisticsReport';
import { buildSubmission } from './submission';
import { buildTransferNotice } from './transferNotice';
import { buildDeclineDecision, buildOrder } from './transferDecisions';

/** One entry point for every document the app generates: the kind picks the template and its sources. */

export interface SourcesByKind {
  minutes: MinutesSources;
  proposal: ProposalSources;
  order: OrderSources;
  declineDecision: DeclineDecisionSources;
  submission: SubmissionSources;
  letter: LetterSources;
  list: ListSources;
  returnSubmission: ReturnSubmissionSources;
  returnDecision: ReturnDecisionSources;
  p47Notice: P47NoticeSources;
  municipalityNotice: MunicipalityNoticeSources;
  transferNotice: TransferNoticeSources;
  statisticsReport: StatisticsReportSources;
}

export type Template<S> = (sources: S, registrationNumber: string | null, date: IsoDate) => DocumentModel;

/** What to build: the kind and its sources. */
export type TemplateRequest<K extends DocumentKind = DocumentKind> = {
  [P in K]: { kind: P; sources: SourcesByKind[P] };
}[K];

const TEMPLATES: { [K in DocumentKind]: Template<SourcesByKind[K]> } = {
  minutes: buildMinutes,
  proposal: buildProposal,
  order: buildOrder,
  declineDecision: buildDeclineDecision,
  submission: buildSubmission,
  letter: buildLetter,
  list: buildList,
  returnSubmission: buildReturnSubmission,
  returnDecision: buildReturnDecision,
  p47Notice: buildP47Notice,
  municipalityNotice: buildMunicipalityNotice,
  transferNotice: buildTransferNotice,
  statisticsReport: buildStatisticsReport,
};

/** The document of `request.kind` from its sources, with its registration number (null in a preview) and date. */
export function buildDocument<K extends DocumentKind>(request: TemplateRequest<K>, registrationNumber: string | null, date: IsoDate): DocumentModel {
  const template: Template<SourcesByKind[K]> = TEMPLATES[request.kind];
  return template(request.sources, registrationNumber, date);
}
