/** Labels of the revocation lists section of the settings (issue 12), merged into the app's dictionary in i18n/messages.ts. */
export const revocationLt = {
  'revocation.title': 'Atšauktų sertifikatų sąrašai',
  'revocation.intro':
    'Programa niekur nesijungia, todėl sertifikatų atšaukimą tikrina pagal čia importuotus sąrašus (CRL), kuriuos atsisiunčiate iš sertifikavimo centro svetainės. Sąrašas priimamas, tik jei jį pasirašė patikimas centras ir jis dar galioja.',
  'revocation.none': 'Sąrašų neimportuota: parašų tikrinimo ataskaitose atšaukimas rodomas kaip „netikrinta“.',
  'revocation.caption': 'Importuoti sąrašai',
  'revocation.col.issuer': 'Išdavė',
  'revocation.col.thisUpdate': 'Išleistas',
  'revocation.col.nextUpdate': 'Kitas atnaujinimas',
  'revocation.col.revoked': 'Atšauktų sertifikatų',
  'revocation.col.actions': 'Veiksmai',
  'revocation.stale': 'pasenęs – importuokite naujesnį',
  'revocation.remove': 'Pašalinti',
  'revocation.file': 'Sąrašo failas (.crl)',
  'revocation.issuerFile': 'Sąrašą išdavusio centro sertifikatas (jei jis nėra tarp patikimų šakninių)',
  'revocation.import': 'Importuoti',
  'revocation.importing': 'Tikrinama ir importuojama…',
  'revocation.imported': 'Sąrašas importuotas.',
  'revocation.required': 'Be atšaukimo duomenų parašas nepatvirtinamas (ataskaitoje INDETERMINATE / TRY_LATER)',
  'revocation.requiredHint': 'Įjunkite, kai importuojate visų naudojamų centrų sąrašus ir juos reguliariai atnaujinate.',
};

export const revocationEn: Readonly<Record<keyof typeof revocationLt, string>> = {
  'revocation.title': 'Certificate revocation lists',
  'revocation.intro':
    'The app connects nowhere, so it checks revocation against the lists (CRLs) imported here, which you download from the certification authority’s website. A list is accepted only if a trusted authority signed it and it is still current.',
  'revocation.none': 'No lists imported: verification reports show revocation as "not checked".',
  'revocation.caption': 'Imported lists',
  'revocation.col.issuer': 'Issued by',
  'revocation.col.thisUpdate': 'Issued',
  'revocation.col.nextUpdate': 'Next update',
  'revocation.col.revoked': 'Revoked certificates',
  'revocation.col.actions': 'Actions',
  'revocation.stale': 'out of date – import a newer one',
  'revocation.remove': 'Remove',
  'revocation.file': 'List file (.crl)',
  'revocation.issuerFile': 'Certificate of the authority that issued the list (if it is not a trusted root)',
  'revocation.import': 'Import',
  'revocation.importing': 'Checking and importing…',
  'revocation.imported': 'The list was imported.',
  'revocation.required': 'Without revocation data a signature is not confirmed (INDETERMINATE / TRY_LATER in the report)',
  'revocation.requiredHint': 'Turn on when you import the lists of every authority in use and keep them up to date.',
};
