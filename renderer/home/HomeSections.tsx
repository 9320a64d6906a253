/** Issue 17: the sections of the start page, one per role; every line links to where its work is done. */
import type { ReactNode } from 'react';
import type { HomeDossier, HomeMeeting, HomeView } from '../../shared/contract/homeSchemas';
import { daysLeftText, formatDate, formatMoment } from '../i18n/dates';
import { useI18n } from '../i18n/I18nProvider';
import { countLabel } from '../i18n/plural';
import { routeHref } from '../router/routes';
import { caseHref, caseName, meetingHref, problemHref } from './homeModel';

type Section<K extends keyof HomeView> = NonNullable<HomeView[K]>;

/** A block of the page with its heading; `id` names it for the heading's label and the tests. */
function Block({ id, title, level = 2, children }: { id: string; title: string; level?: 2 | 3; children: ReactNode }) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <section className={level === 2 ? 'panel home-section' : 'home-block'} aria-labelledby={`home-${id}`} data-home-section={id}>
      <Heading id={`home-${id}`}>{title}</Heading>
      {children}
    </section>
  );
}

/** "Showing 25 of 130." under a list cut short. */
function More({ list, href }: { list: { total: number; lines: readonly unknown[] }; href?: string }) {
  const { t } = useI18n();
  if (list.total <= list.lines.length) return null;
  const text = t('home.more', { shown: list.lines.length, total: list.total });
  return <p className="muted">{href ? <a href={href}>{text}</a> : text}</p>;
}

function CaseLink({ c }: { c: Pick<HomeDossier, 'caseId' | 'firstName' | 'lastName' | 'personalFileNo'> }) {
  return <a href={caseHref(c.caseId)}>{caseName(c)}</a>;
}

/** What a dossier still lacks (V-77 p. 6–8), in words. */
function DossierLacks({ c }: { c: Pick<HomeDossier, 'documents' | 'facts'> }) {
  const { lang, t } = useI18n();
  const parts: string[] = [];
  if (c.documents === null || c.facts === null) return <span className="home-lacks">{t('home.dossier.unknown')}</span>;
  if (c.documents > 0) parts.push(countLabel(lang, 'home.dossier.documents', c.documents));
  if (c.facts > 0) parts.push(countLabel(lang, 'home.dossier.facts', c.facts));
  return <span className={parts.length > 0 ? 'home-lacks' : 'muted'}>{parts.length > 0 ? parts.join('; ') : t('home.dossier.complete')}</span>;
}

// ---- The secretary ----

function Terms({ groups }: { groups: Section<'secretary'>['terms'] }) {
  const { lang, t } = useI18n();
  const shown = groups.filter((g) => g.total > 0);
  return (
    <Block id="terms" title={t('home.terms.title')} level={3}>
      {shown.length === 0 && <p className="empty">{t('home.terms.none')}</p>}
      {shown.map((g) => (
        <div key={g.when} className={`home-terms home-terms-${g.when}`} data-when={g.when}>
          <h4>
            {t(`home.when.${g.when}`)} <span className="list-count">({g.total})</span>
          </h4>
          <ul className="home-list">
            {g.lines.map((l) => (
              <li key={`${l.caseId}-${l.rule}`} data-term={l.rule}>
                <CaseLink c={l} /> — {t(`home.rule.${l.rule}`)}: {formatDate(l.dueBy, lang)}{' '}
                <span className={g.when === 'overdue' ? 'overdue' : 'days-left'}>({daysLeftText({ kind: 'due', daysLeft: l.daysLeft, overdue: g.when === 'overdue' }, lang)})</span>
              </li>
            ))}
          </ul>
          <More list={g} />
        </div>
      ))}
    </Block>
  );
}

function Meeting({ meeting, forMembers }: { meeting: HomeMeeting | null; forMembers: boolean }) {
  const { lang, t } = useI18n();
  return (
    <Block id={forMembers ? 'commission-meeting' : 'meeting'} title={t('home.meeting.title')} level={3}>
      {meeting === null ? (
        <p className="empty">{t('home.meeting.none')}</p>
      ) : (
        <>
          <p>
            <a href={meetingHref(meeting.id)}>{t('home.meeting.when', { date: formatDate(meeting.date, lang), time: meeting.time, place: meeting.place })}</a>
          </p>
          {meeting.cases.length === 0 ? (
            <p className="empty">{t('home.meeting.empty')}</p>
          ) : (
            <>
              <p>
                {countLabel(lang, 'home.meeting.agenda', meeting.cases.length)}
                {forMembers ? `. ${t('home.meeting.read')}` : ''}
              </p>
              <ul className="home-list">
                {meeting.cases.map((c) => (
                  <li key={c.caseId} data-case-id={c.caseId}>
                    <CaseLink c={c} /> — <DossierLacks c={c} />
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
    </Block>
  );
}

export function SecretarySection({ section }: { section: Section<'secretary'> }) {
  const { lang, t } = useI18n();
  return (
    <Block id="secretary" title={t('home.secretary.title')}>
      <Terms groups={section.terms} />
      <Meeting meeting={section.nextMeeting} forMembers={false} />
      <Block id="flagged" title={t('home.flagged.title')} level={3}>
        {section.flagged.total === 0 ? (
          <p className="empty">{t('home.flagged.none')}</p>
        ) : (
          <ul className="home-list">
            {section.flagged.lines.map((l) => (
              <li key={l.caseId} data-case-id={l.caseId}>
                <CaseLink c={l} /> — {t('home.flag.requestDate', { date: formatDate(l.requestDate, lang) })}: {l.rules.map((r) => t(`home.flag.${r}`)).join('; ')}
              </li>
            ))}
          </ul>
        )}
        <More list={section.flagged} />
      </Block>
      <Block id="dossiers" title={t('home.dossiers.title')} level={3}>
        {section.dossiers.total === 0 ? (
          <p className="empty">{t('home.dossiers.none')}</p>
        ) : (
          <ul className="home-list">
            {section.dossiers.lines.map((l) => (
              <li key={l.caseId} data-case-id={l.caseId}>
                <CaseLink c={l} /> — <DossierLacks c={l} />
              </li>
            ))}
          </ul>
        )}
        <More list={section.dossiers} href={routeHref({ name: 'cases' })} />
      </Block>
    </Block>
  );
}

// ---- Signatures ----

export function SignaturesSection({ list }: { list: Section<'signatures'> }) {
  const { lang, t } = useI18n();
  const signing = routeHref({ name: 'signing' });
  return (
    <Block id="signatures" title={t('home.signatures.title')}>
      {list.total === 0 ? (
        <p className="empty">{t('home.signatures.none')}</p>
      ) : (
        <>
          <ul className="home-list">
            {list.lines.map((d) => (
              <li key={d.documentId} data-document-id={d.documentId}>
                <a href={signing}>
                  {d.registrationNumber} {d.documentType} {d.title}
                </a>{' '}
                <span className="muted">{formatDate(d.date, lang)}</span>
              </li>
            ))}
          </ul>
          <More list={list} href={signing} />
          <p>
            <a href={signing}>{t('home.signatures.go')}</a>
          </p>
        </>
      )}
    </Block>
  );
}

// ---- The director ----

export function DirectorSection({ section }: { section: Section<'director'> }) {
  const { lang, t } = useI18n();
  const places = section.places;
  return (
    <Block id="director" title={t('home.director.title')}>
      <Block id="decisions" title={t('home.decisions.title')} level={3}>
        {section.decisions.total === 0 ? (
          <p className="empty">{t('home.decisions.none')}</p>
        ) : (
          <ul className="home-list">
            {section.decisions.lines.map((l) => (
              <li key={l.caseId} data-case-id={l.caseId} data-act={l.act}>
                <CaseLink c={l} /> — {t(`home.act.${l.act}`)} <span className="muted">{t('home.act.since', { date: formatDate(l.since, lang) })}</span>
              </li>
            ))}
          </ul>
        )}
        <More list={section.decisions} />
      </Block>
      {places && (
        <Block id="places" title={t('home.places.title')} level={3}>
          <ul className="home-list">
            <li data-places="free">{t('home.places.free', { free: places.free, capacity: places.capacity })}</li>
            {places.over > 0 && <li className="overdue">{t('home.places.over', { n: places.over })}</li>}
            <li>{countLabel(lang, 'home.places.waiting', places.waiting)}</li>
            {places.head && (
              <li data-places="head">
                <a href={caseHref(places.head.caseId)}>
                  {t('home.places.head', { name: `${places.head.firstName} ${places.head.lastName}`, position: places.head.position, date: formatDate(places.head.requestDate, lang) })}
                </a>
              </li>
            )}
          </ul>
          <p>
            <a href={routeHref({ name: 'places' })}>{t('home.places.open')}</a>
          </p>
        </Block>
      )}
    </Block>
  );
}

// ---- The chair and the members ----

export function CommissionSection({ section }: { section: Section<'commission'> }) {
  const { t } = useI18n();
  return (
    <Block id="commission" title={t('home.commission.title')}>
      <Meeting meeting={section.nextMeeting} forMembers />
    </Block>
  );
}

// ---- The archivist ----

function ClosedList({ id, title, none, list }: { id: string; title: string; none: string; list: Section<'archivist'>['unexported'] }) {
  const { lang, t } = useI18n();
  return (
    <Block id={id} title={title} level={3}>
      {list.total === 0 ? (
        <p className="empty">{none}</p>
      ) : (
        <ul className="home-list">
          {list.lines.map((l) => (
            <li key={l.caseId} data-case-id={l.caseId}>
              <CaseLink c={l} /> — {t('home.closedOn', { date: formatDate(l.closedOn, lang) })}
              {l.exportedAt !== undefined && <span className="muted">, {t('home.exportedAt', { at: formatMoment(l.exportedAt, lang) })}</span>}
            </li>
          ))}
        </ul>
      )}
      <More list={list} href={routeHref({ name: 'archive' })} />
    </Block>
  );
}

/** Issue 18: signed documents not yet long-term (PAdES B-LTA); each is extended on the documents page. */
function NotLongTermList({ list }: { list: NonNullable<Section<'archivist'>['notLongTerm']> }) {
  const { lang, t } = useI18n();
  const documents = routeHref({ name: 'documents' });
  return (
    <Block id="not-long-term" title={t('home.notLongTerm.title')} level={3}>
      {list.total === 0 ? (
        <p className="empty">{t('home.notLongTerm.none')}</p>
      ) : (
        <>
          <p>{t('home.notLongTerm.why')}</p>
          <ul className="home-list">
            {list.lines.map((d) => (
              <li key={d.documentId} data-document-id={d.documentId}>
                <a href={documents}>
                  {d.registrationNumber} {d.documentType} {d.title}
                </a>{' '}
                <span className="muted">{formatDate(d.date, lang)}</span>
              </li>
            ))}
          </ul>
          <More list={list} href={documents} />
        </>
      )}
    </Block>
  );
}

export function ArchivistSection({ section }: { section: Section<'archivist'> }) {
  const { t } = useI18n();
  return (
    <Block id="archivist" title={t('home.archivist.title')}>
      <ClosedList id="unexported" title={t('home.unexported.title')} none={t('home.unexported.none')} list={section.unexported} />
      <ClosedList id="changed" title={t('home.changed.title')} none={t('home.changed.none')} list={section.changedSinceExport} />
      {section.notLongTerm && <NotLongTermList list={section.notLongTerm} />}
      <p>
        <a href={routeHref({ name: 'archive' })}>{t('home.archive.open')}</a>
      </p>
    </Block>
  );
}

// ---- The administrator ----

export function AdministratorSection({ section }: { section: Section<'administrator'> }) {
  const { lang, t } = useI18n();
  const { users, problems } = section;
  return (
    <Block id="administrator" title={t('home.administrator.title')}>
      <Block id="problems" title={t('home.problems.title')} level={3}>
        {problems.length === 0 ? (
          <p className="empty">{t('home.problems.none')}</p>
        ) : (
          <ul className="home-list">
            {problems.map((p) => (
              <li key={p} data-problem={p} className="home-problem">
                {t(`home.problem.${p}`)} — <a href={problemHref(p)}>{t('home.problem.fix')}</a>
              </li>
            ))}
          </ul>
        )}
        {section.lastBackupAt !== undefined && <p className="muted">{t('home.lastBackup', { at: formatMoment(section.lastBackupAt, lang) })}</p>}
      </Block>
      <Block id="users" title={t('home.users.title')} level={3}>
        <ul className="home-list">
          <li>{t('home.users.active', { n: users.active })}</li>
          {users.inactive > 0 && <li>{t('home.users.inactive', { n: users.inactive })}</li>}
          {users.mustChangePassword > 0 && <li>{t('home.users.mustChange', { n: users.mustChangePassword })}</li>}
          {users.locked.map((u) => (
            <li key={u.id} className="overdue" data-user-id={u.id}>
              {t('home.users.locked', { name: u.displayName, username: u.username, until: formatMoment(u.until, lang) })}
            </li>
          ))}
        </ul>
        <p>
          <a href={routeHref({ name: 'users' })}>{t('home.users.open')}</a>
        </p>
      </Block>
    </Block>
  );
}
