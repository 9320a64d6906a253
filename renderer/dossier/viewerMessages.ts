/** Labels of the document viewer (merged into the app's dictionary in i18n/messages.ts). */
export const viewerLt = {
  'viewer.loading': 'Dokumentas atveriamas…',
  'viewer.label': 'Dokumento peržiūra: {name}',
  'viewer.controls': 'Peržiūros valdymas',
  'viewer.area': 'Dokumento puslapis',
  'viewer.keys':
    'Puslapius verskite klavišais PageUp ir PageDown arba rodyklėmis, Home ir End – pirmas ir paskutinis puslapis; mastelį keiskite klavišais + ir −, 0 – pritaikyti pločiui.',
  'viewer.previousPage': 'Ankstesnis puslapis',
  'viewer.nextPage': 'Kitas puslapis',
  'viewer.pageField': 'Puslapis',
  'viewer.ofPages': 'iš {count}',
  'viewer.pageOf': 'Puslapis {page} iš {count}',
  'viewer.pageImage': 'Puslapis {page} iš {count}: {name}',
  'viewer.zoomOut': 'Sumažinti',
  'viewer.zoomIn': 'Padidinti',
  'viewer.zoomLevel': 'Mastelis {percent} %',
  'viewer.fitWidth': 'Pritaikyti pločiui',
  'viewer.close': 'Uždaryti peržiūrą',
  'viewer.error.VIEWER_PDF_UNREADABLE':
    'Šio PDF dokumento atverti nepavyko: failas sugadintas arba tai ne PDF. Prisegtas failas lieka nepakeistas; jei reikia, paprašykite siuntėjo naujos kopijos.',
  'viewer.error.VIEWER_PDF_PASSWORD':
    'Šis PDF dokumentas apsaugotas slaptažodžiu, todėl programoje jo parodyti negalima. Paprašykite siuntėjo neapsaugotos kopijos.',
  'viewer.error.VIEWER_PDF_FAILED':
    'Dokumento peržiūros paleisti nepavyko. Bandykite dar kartą; jei nepavyksta, praneškite administratoriui.',
  'viewer.error.VIEWER_PAGE_FAILED': 'Puslapio {page} parodyti nepavyko. Kitus puslapius galima peržiūrėti.',
  'viewer.error.VIEWER_IMAGE_UNREADABLE':
    'Šio paveikslėlio parodyti nepavyko: failas sugadintas arba jo formatas ne toks, koks nurodytas. Prisegtas failas lieka nepakeistas.',
} as const satisfies Record<string, string>;

export const viewerEn: Readonly<Record<keyof typeof viewerLt, string>> = {
  'viewer.loading': 'Opening the document…',
  'viewer.label': 'Document viewer: {name}',
  'viewer.controls': 'Viewer controls',
  'viewer.area': 'Document page',
  'viewer.keys':
    'Turn pages with PageUp and PageDown or the arrow keys, Home and End for the first and last page; zoom with + and −, 0 fits the width.',
  'viewer.previousPage': 'Previous page',
  'viewer.nextPage': 'Next page',
  'viewer.pageField': 'Page',
  'viewer.ofPages': 'of {count}',
  'viewer.pageOf': 'Page {page} of {count}',
  'viewer.pageImage': 'Page {page} of {count}: {name}',
  'viewer.zoomOut': 'Zoom out',
  'viewer.zoomIn': 'Zoom in',
  'viewer.zoomLevel': 'Zoom {percent}%',
  'viewer.fitWidth': 'Fit width',
  'viewer.close': 'Close viewer',
  'viewer.error.VIEWER_PDF_UNREADABLE':
    'This PDF could not be opened: the file is damaged or is not a PDF. The attached file is unchanged; if needed, ask the sender for a new copy.',
  'viewer.error.VIEWER_PDF_PASSWORD':
    'This PDF is protected by a password, so the app cannot show it. Ask the sender for an unprotected copy.',
  'viewer.error.VIEWER_PDF_FAILED':
    'The document viewer could not start. Try again; if it keeps failing, tell the administrator.',
  'viewer.error.VIEWER_PAGE_FAILED': 'Page {page} could not be shown. The other pages can still be viewed.',
  'viewer.error.VIEWER_IMAGE_UNREADABLE':
    'This image could not be shown: the file is damaged or not in the stated format. The attached file is unchanged.',
};
