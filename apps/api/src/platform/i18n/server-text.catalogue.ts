import { CanvasBlock, CciSubsector, ResolveLever, ServerTextCode, type ServerTextLanguage } from '@app/contracts';

/**
 * The hub's wording of every server text code, in ICU MessageFormat (see icu-message.ts), one entry
 * per language. Tone: Italian addresses the reader as "tu", French, Greek and Arabic politely; phrases
 * avoid agreeing with the reader's or the actor's gender, which the hub does not know. An expert's
 * reasons have the expert organisation as implied subject (feminine in Arabic: المؤسسة).
 * The catalogue spec checks that every code has every language, with the same placeholders and a
 * branch for every plural category of the language.
 */
export const CATALOGUE: Record<ServerTextCode, Record<ServerTextLanguage, string>> = {
  [ServerTextCode.NOTIFICATION_ANSWER_ON_MY_CHALLENGE]: {
    en: 'New answer on “{challengeTitle}”',
    it: 'Nuova risposta alla sfida «{challengeTitle}»',
    el: 'Νέα απάντηση στην πρόκληση «{challengeTitle}»',
    fr: 'Nouvelle réponse au défi « {challengeTitle} »',
    ar: 'إجابة جديدة على التحدي «{challengeTitle}»',
  },
  [ServerTextCode.NOTIFICATION_ANSWER_ON_FOLLOWED_CHALLENGE]: {
    en: 'New answer on “{challengeTitle}”, which you follow',
    it: 'Nuova risposta alla sfida «{challengeTitle}», che segui',
    el: 'Νέα απάντηση στην πρόκληση «{challengeTitle}» που παρακολουθείτε',
    fr: 'Nouvelle réponse au défi « {challengeTitle} », que vous suivez',
    ar: 'إجابة جديدة على التحدي «{challengeTitle}» الذي تتابعونه',
  },
  [ServerTextCode.NOTIFICATION_ANSWER_ACCEPTED]: {
    en: 'Your answer to “{challengeTitle}” was accepted',
    it: 'La tua risposta alla sfida «{challengeTitle}» è stata accettata',
    el: 'Η απάντησή σας στην πρόκληση «{challengeTitle}» έγινε αποδεκτή',
    fr: 'Votre réponse au défi « {challengeTitle} » a été acceptée',
    ar: 'قُبلت إجابتكم على التحدي «{challengeTitle}»',
  },
  [ServerTextCode.NOTIFICATION_JOIN_REQUEST_APPROVED]: {
    en: '{networkName}: your organisation is now a member',
    it: '{networkName}: la tua organizzazione ora ne fa parte',
    el: '{networkName}: ο οργανισμός σας είναι πλέον μέλος',
    fr: '{networkName} : votre organisation en est désormais membre',
    ar: '{networkName}: أصبحت مؤسستكم عضوًا',
  },
  [ServerTextCode.NOTIFICATION_JOIN_REQUEST_DECLINED]: {
    en: '{networkName}: the request to join was declined',
    it: '{networkName}: la richiesta di adesione è stata respinta',
    el: '{networkName}: το αίτημα ένταξης απορρίφθηκε',
    fr: '{networkName} : la demande d’adhésion a été refusée',
    ar: '{networkName}: رُفض طلب الانضمام',
  },
  [ServerTextCode.NOTIFICATION_NETWORK_INVITATION]: {
    en: 'Your organisation is invited to join {networkName}',
    it: 'La tua organizzazione è invitata a entrare in {networkName}',
    el: 'Ο οργανισμός σας προσκαλείται να ενταχθεί στο δίκτυο {networkName}',
    fr: 'Votre organisation est invitée à rejoindre {networkName}',
    ar: 'مؤسستكم مدعوّة للانضمام إلى {networkName}',
  },
  [ServerTextCode.NOTIFICATION_ORGANISATION_INVITATION]: {
    en: 'You are invited to join {organisationName}',
    it: 'Hai ricevuto un invito a entrare in {organisationName}',
    el: 'Λάβατε πρόσκληση να γίνετε μέλος του οργανισμού {organisationName}',
    fr: 'Vous avez reçu une invitation à rejoindre {organisationName}',
    ar: 'وصلتكم دعوة للانضمام إلى {organisationName}',
  },
  [ServerTextCode.NOTIFICATION_CHAT_MENTION]: {
    en: '{actorName} mentioned you in a conversation',
    it: '{actorName} ti ha menzionato in una conversazione',
    el: '{actorName} σας ανέφερε σε μια συζήτηση',
    fr: '{actorName} vous mentionne dans une conversation',
    ar: 'لديكم إشارة من {actorName} في محادثة',
  },
  [ServerTextCode.NOTIFICATION_SYMBIOSIS_MATCH]: {
    en: 'New match: «{offerTitle}» offered for «{wantTitle}»',
    it: 'Nuovo abbinamento: «{offerTitle}» offerto per «{wantTitle}»',
    el: 'Νέα αντιστοίχιση: «{offerTitle}» προσφέρεται για «{wantTitle}»',
    fr: 'Nouvelle correspondance : « {offerTitle} » proposé pour « {wantTitle} »',
    ar: 'تطابق جديد: «{offerTitle}» معروض لتلبية «{wantTitle}»',
  },
  [ServerTextCode.EXPERT_SHARED_LEVERS]: {
    en: '{count, plural, one {Has answered with a lever of the challenge: {levers}} other {Has answered with # levers of the challenge: {levers}}}',
    it: '{count, plural, one {Ha risposto usando una leva della sfida: {levers}} many {Ha risposto usando # leve della sfida: {levers}} other {Ha risposto usando # leve della sfida: {levers}}}',
    el: '{count, plural, one {Έχει απαντήσει με έναν μοχλό της πρόκλησης: {levers}} other {Έχει απαντήσει με # μοχλούς της πρόκλησης: {levers}}}',
    fr: '{count, plural, one {A répondu avec un levier du défi : {levers}} many {A répondu avec # leviers du défi : {levers}} other {A répondu avec # leviers du défi : {levers}}}',
    ar: '{count, plural, zero {لم تستخدم في إجاباتها أيًّا من روافع التحدي} one {استخدمت في إجاباتها رافعة واحدة من روافع التحدي: {levers}} two {استخدمت في إجاباتها رافعتين من روافع التحدي: {levers}} few {استخدمت في إجاباتها # روافع من روافع التحدي: {levers}} many {استخدمت في إجاباتها # رافعة من روافع التحدي: {levers}} other {استخدمت في إجاباتها # رافعة من روافع التحدي: {levers}}}',
  },
  [ServerTextCode.EXPERT_SHARED_MATERIALS]: {
    en: '{count, plural, one {Has worked on a material of the challenge: {materials}} other {Has worked on # materials of the challenge: {materials}}}',
    it: '{count, plural, one {Ha lavorato su un materiale della sfida: {materials}} many {Ha lavorato su # materiali della sfida: {materials}} other {Ha lavorato su # materiali della sfida: {materials}}}',
    el: '{count, plural, one {Έχει δουλέψει με ένα υλικό της πρόκλησης: {materials}} other {Έχει δουλέψει με # υλικά της πρόκλησης: {materials}}}',
    fr: '{count, plural, one {A travaillé sur un matériau du défi : {materials}} many {A travaillé sur # matériaux du défi : {materials}} other {A travaillé sur # matériaux du défi : {materials}}}',
    ar: '{count, plural, zero {لم تعمل على أيٍّ من مواد التحدي} one {عملت على مادة واحدة من مواد التحدي: {materials}} two {عملت على مادتين من مواد التحدي: {materials}} few {عملت على # مواد من مواد التحدي: {materials}} many {عملت على # مادة من مواد التحدي: {materials}} other {عملت على # مادة من مواد التحدي: {materials}}}',
  },
  [ServerTextCode.EXPERT_SHARED_SUBSECTORS]: {
    en: '{count, plural, one {Works in a subsector of the challenge: {subsectors}} other {Works in # subsectors of the challenge: {subsectors}}}',
    it: '{count, plural, one {Opera in un settore della sfida: {subsectors}} many {Opera in # settori della sfida: {subsectors}} other {Opera in # settori della sfida: {subsectors}}}',
    el: '{count, plural, one {Δραστηριοποιείται σε έναν τομέα της πρόκλησης: {subsectors}} other {Δραστηριοποιείται σε # τομείς της πρόκλησης: {subsectors}}}',
    fr: '{count, plural, one {Travaille dans un secteur du défi : {subsectors}} many {Travaille dans # secteurs du défi : {subsectors}} other {Travaille dans # secteurs du défi : {subsectors}}}',
    ar: '{count, plural, zero {لا تعمل في أيٍّ من قطاعات التحدي} one {تعمل في قطاع واحد من قطاعات التحدي: {subsectors}} two {تعمل في قطاعين من قطاعات التحدي: {subsectors}} few {تعمل في # قطاعات من قطاعات التحدي: {subsectors}} many {تعمل في # قطاعًا من قطاعات التحدي: {subsectors}} other {تعمل في # قطاع من قطاعات التحدي: {subsectors}}}',
  },
  [ServerTextCode.EXPERT_SPEAKS_LANGUAGE]: {
    en: 'Speaks {language}, the language of the challenge',
    it: 'Parla {language}, la lingua della sfida',
    el: 'Μιλά {language}, τη γλώσσα της πρόκλησης',
    fr: 'Parle {language}, la langue du défi',
    ar: 'تتحدث {language}، لغة التحدي',
  },
  [ServerTextCode.EXPERT_OTHER_COUNTRY]: {
    en: 'Based in another country: {country}',
    it: 'Ha sede in un altro paese: {country}',
    el: 'Έχει έδρα σε άλλη χώρα: {country}',
    fr: 'Établie dans un autre pays : {country}',
    ar: 'مقرها في بلد آخر: {country}',
  },
  [ServerTextCode.CIRCULARITY_NO_TAKE_BACK]: {
    en: 'No take-back system yet: how do products come back?',
    it: 'Ancora nessun sistema di ritiro: come tornano indietro i prodotti?',
    el: 'Δεν υπάρχει ακόμη σύστημα επιστροφής: πώς επιστρέφουν τα προϊόντα;',
    fr: 'Pas encore de système de reprise : comment les produits reviennent-ils ?',
    ar: 'لا يوجد نظام استرجاع بعد: كيف تعود المنتجات؟',
  },
  [ServerTextCode.CIRCULARITY_OPEN_FLOWS]: {
    en: '{count, plural, one {Material leaving without a loop back: {materials}} other {# materials leaving without a loop back: {materials}}}',
    it: '{count, plural, one {Materiale in uscita senza ritorno: {materials}} many {# materiali in uscita senza ritorno: {materials}} other {# materiali in uscita senza ritorno: {materials}}}',
    el: '{count, plural, one {Υλικό που φεύγει χωρίς να επιστρέφει: {materials}} other {# υλικά που φεύγουν χωρίς να επιστρέφουν: {materials}}}',
    fr: '{count, plural, one {Matière sortante sans retour : {materials}} many {# matières sortantes sans retour : {materials}} other {# matières sortantes sans retour : {materials}}}',
    ar: '{count, plural, zero {لا مواد خارجة بلا عودة} one {مادة خارجة بلا عودة: {materials}} two {مادتان خارجتان بلا عودة: {materials}} few {# مواد خارجة بلا عودة: {materials}} many {# مادة خارجة بلا عودة: {materials}} other {# مادة خارجة بلا عودة: {materials}}}',
  },
  [ServerTextCode.CIRCULARITY_NO_FLOWS]: {
    en: 'No material flows yet: what comes in, and what goes out?',
    it: 'Ancora nessun flusso di materiali: che cosa entra e che cosa esce?',
    el: 'Δεν υπάρχουν ακόμη ροές υλικών: τι μπαίνει και τι βγαίνει;',
    fr: 'Pas encore de flux de matières : qu’est-ce qui entre, et qu’est-ce qui sort ?',
    ar: 'لا توجد تدفقات مواد بعد: ما الذي يدخل وما الذي يخرج؟',
  },
  [ServerTextCode.CIRCULARITY_NO_ADOPTION_FACTORS]: {
    en: 'No adoption factors yet: what would make customers and partners switch?',
    it: 'Ancora nessun fattore di adozione: che cosa convincerebbe clienti e partner a cambiare?',
    el: 'Δεν υπάρχουν ακόμη παράγοντες υιοθέτησης: τι θα έκανε πελάτες και συνεργάτες να αλλάξουν;',
    fr: 'Pas encore de facteurs d’adoption : qu’est-ce qui ferait changer clients et partenaires ?',
    ar: 'لا توجد عوامل تبنٍّ بعد: ما الذي يدفع العملاء والشركاء إلى التحول؟',
  },
  [ServerTextCode.CIRCULARITY_LEVERS_MISSING]: {
    en: '{count, plural, one {Lever not covered: {levers}} other {Levers not covered: {levers}}}',
    it: '{count, plural, one {Leva non coperta: {levers}} many {Leve non coperte: {levers}} other {Leve non coperte: {levers}}}',
    el: '{count, plural, one {Μοχλός που δεν καλύπτεται: {levers}} other {Μοχλοί που δεν καλύπτονται: {levers}}}',
    fr: '{count, plural, one {Levier non couvert : {levers}} many {Leviers non couverts : {levers}} other {Leviers non couverts : {levers}}}',
    ar: '{count, plural, zero {كل الروافع مغطاة} one {رافعة غير مغطاة: {levers}} two {رافعتان غير مغطاتين: {levers}} few {روافع غير مغطاة: {levers}} many {روافع غير مغطاة: {levers}} other {روافع غير مغطاة: {levers}}}',
  },
  [ServerTextCode.CIRCULARITY_EMPTY_BLOCKS]: {
    en: '{count, plural, one {Empty block: {blocks}} other {Empty blocks: {blocks}}}',
    it: '{count, plural, one {Blocco vuoto: {blocks}} many {Blocchi vuoti: {blocks}} other {Blocchi vuoti: {blocks}}}',
    el: '{count, plural, one {Κενό πεδίο: {blocks}} other {Κενά πεδία: {blocks}}}',
    fr: '{count, plural, one {Bloc vide : {blocks}} many {Blocs vides : {blocks}} other {Blocs vides : {blocks}}}',
    ar: '{count, plural, zero {لا توجد خانات فارغة} one {خانة فارغة: {blocks}} two {خانتان فارغتان: {blocks}} few {خانات فارغة: {blocks}} many {خانات فارغة: {blocks}} other {خانات فارغة: {blocks}}}',
  },
};

/** The ReSOLVE levers by name, as the Ellen MacArthur Foundation's framework is usually rendered. */
export const LEVER_LABELS: Record<ResolveLever, Record<ServerTextLanguage, string>> = {
  [ResolveLever.REGENERATE]: { en: 'Regenerate', it: 'Rigenerare', el: 'Αναγέννηση', fr: 'Régénérer', ar: 'التجديد' },
  [ResolveLever.SHARE]: { en: 'Share', it: 'Condividere', el: 'Κοινή χρήση', fr: 'Partager', ar: 'المشاركة' },
  [ResolveLever.OPTIMISE]: { en: 'Optimise', it: 'Ottimizzare', el: 'Βελτιστοποίηση', fr: 'Optimiser', ar: 'التحسين' },
  [ResolveLever.LOOP]: { en: 'Loop', it: 'Chiudere il ciclo', el: 'Κλείσιμο του κύκλου', fr: 'Boucler', ar: 'إغلاق الحلقة' },
  [ResolveLever.VIRTUALISE]: { en: 'Virtualise', it: 'Virtualizzare', el: 'Ψηφιοποίηση', fr: 'Virtualiser', ar: 'الرقمنة' },
  [ResolveLever.EXCHANGE]: { en: 'Exchange', it: 'Scambiare', el: 'Ανταλλαγή', fr: 'Échanger', ar: 'الاستبدال' },
};

/** Cultural and creative industries subsectors, lower case for use inside a sentence. */
export const SUBSECTOR_LABELS: Record<CciSubsector, Record<ServerTextLanguage, string>> = {
  [CciSubsector.ARCHITECTURE]: { en: 'architecture', it: 'architettura', el: 'αρχιτεκτονική', fr: 'architecture', ar: 'العمارة' },
  [CciSubsector.ARCHIVES_LIBRARIES_MUSEUMS]: { en: 'archives, libraries and museums', it: 'archivi, biblioteche e musei', el: 'αρχεία, βιβλιοθήκες και μουσεία', fr: 'archives, bibliothèques et musées', ar: 'الأرشيف والمكتبات والمتاحف' },
  [CciSubsector.ARTISTIC_CRAFTS]: { en: 'artistic crafts', it: 'artigianato artistico', el: 'καλλιτεχνική χειροτεχνία', fr: 'métiers d’art', ar: 'الحرف الفنية' },
  [CciSubsector.AUDIOVISUAL_MULTIMEDIA]: { en: 'audiovisual and multimedia', it: 'audiovisivo e multimedia', el: 'οπτικοακουστικά και πολυμέσα', fr: 'audiovisuel et multimédia', ar: 'السمعي البصري والوسائط المتعددة' },
  [CciSubsector.CULTURAL_HERITAGE]: { en: 'cultural heritage', it: 'patrimonio culturale', el: 'πολιτιστική κληρονομιά', fr: 'patrimoine culturel', ar: 'التراث الثقافي' },
  [CciSubsector.DESIGN_FASHION]: { en: 'fashion design', it: 'design della moda', el: 'σχέδιο μόδας', fr: 'design de mode', ar: 'تصميم الأزياء' },
  [CciSubsector.DESIGN_GRAPHIC]: { en: 'graphic design', it: 'design grafico', el: 'γραφιστική', fr: 'design graphique', ar: 'التصميم الجرافيكي' },
  [CciSubsector.DESIGN_INTERIOR]: { en: 'interior design', it: 'design d’interni', el: 'διακόσμηση εσωτερικών χώρων', fr: 'design d’intérieur', ar: 'التصميم الداخلي' },
  [CciSubsector.DESIGN_PRODUCT]: { en: 'product design', it: 'design del prodotto', el: 'σχεδιασμός προϊόντων', fr: 'design de produit', ar: 'تصميم المنتجات' },
  [CciSubsector.FESTIVALS]: { en: 'festivals', it: 'festival', el: 'φεστιβάλ', fr: 'festivals', ar: 'المهرجانات' },
  [CciSubsector.MUSIC]: { en: 'music', it: 'musica', el: 'μουσική', fr: 'musique', ar: 'الموسيقى' },
  [CciSubsector.PERFORMING_ARTS]: { en: 'performing arts', it: 'arti dello spettacolo', el: 'παραστατικές τέχνες', fr: 'arts du spectacle', ar: 'فنون الأداء' },
  [CciSubsector.PUBLISHING]: { en: 'publishing', it: 'editoria', el: 'εκδόσεις', fr: 'édition', ar: 'النشر' },
  [CciSubsector.VISUAL_ARTS]: { en: 'visual arts', it: 'arti visive', el: 'εικαστικές τέχνες', fr: 'arts visuels', ar: 'الفنون البصرية' },
};

/** The blocks of the circular business model canvas (Lewandowski), as headings in each language. */
export const BLOCK_LABELS: Record<CanvasBlock, Record<ServerTextLanguage, string>> = {
  [CanvasBlock.KEY_PARTNERS]: { en: 'Key partners', it: 'Partner chiave', el: 'Βασικοί συνεργάτες', fr: 'Partenaires clés', ar: 'الشركاء الرئيسيون' },
  [CanvasBlock.KEY_ACTIVITIES]: { en: 'Key activities', it: 'Attività chiave', el: 'Βασικές δραστηριότητες', fr: 'Activités clés', ar: 'الأنشطة الرئيسية' },
  [CanvasBlock.KEY_RESOURCES]: { en: 'Key resources', it: 'Risorse chiave', el: 'Βασικοί πόροι', fr: 'Ressources clés', ar: 'الموارد الرئيسية' },
  [CanvasBlock.VALUE_PROPOSITIONS]: { en: 'Value propositions', it: 'Proposte di valore', el: 'Προτάσεις αξίας', fr: 'Propositions de valeur', ar: 'عروض القيمة' },
  [CanvasBlock.CUSTOMER_RELATIONSHIPS]: { en: 'Customer relationships', it: 'Relazioni con i clienti', el: 'Σχέσεις με πελάτες', fr: 'Relations clients', ar: 'العلاقات مع العملاء' },
  [CanvasBlock.CHANNELS]: { en: 'Channels', it: 'Canali', el: 'Κανάλια', fr: 'Canaux', ar: 'القنوات' },
  [CanvasBlock.CUSTOMER_SEGMENTS]: { en: 'Customer segments', it: 'Segmenti di clientela', el: 'Τμήματα πελατών', fr: 'Segments de clientèle', ar: 'شرائح العملاء' },
  [CanvasBlock.COST_STRUCTURE]: { en: 'Cost structure', it: 'Struttura dei costi', el: 'Διάρθρωση κόστους', fr: 'Structure de coûts', ar: 'هيكل التكاليف' },
  [CanvasBlock.REVENUE_STREAMS]: { en: 'Revenue streams', it: 'Flussi di ricavi', el: 'Ροές εσόδων', fr: 'Sources de revenus', ar: 'مصادر الإيرادات' },
  [CanvasBlock.TAKE_BACK_SYSTEM]: { en: 'Take-back system', it: 'Sistema di ritiro', el: 'Σύστημα επιστροφής', fr: 'Système de reprise', ar: 'نظام الاسترجاع' },
  [CanvasBlock.ADOPTION_FACTORS]: { en: 'Adoption factors', it: 'Fattori di adozione', el: 'Παράγοντες υιοθέτησης', fr: 'Facteurs d’adoption', ar: 'عوامل التبني' },
};
