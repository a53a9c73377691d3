import { detectLanguage } from './language-detection.js';

describe('detectLanguage', () => {
  it.each([
    ['Domani portiamo a Tunisi i campioni di tessuto rigenerato del distretto di Prato.', 'it'],
    ['Nous cherchons un partenaire pour la collecte et le recyclage des textiles usagés.', 'fr'],
    ['Ψάχνουμε συνεργάτες για την ανακύκλωση υφασμάτων στη Θεσσαλονίκη.', 'el'],
    ['نبحث عن شركاء لإعادة تدوير المنسوجات في تونس وصفاقس', 'ar'],
    ['We are looking for partners to take back and repair used furniture.', 'en'],
  ])('tags %s as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('makes no guess for short or wordless messages', () => {
    expect(detectLanguage('ok 👍')).toBeNull();
    expect(detectLanguage('```const x = 1;``` https://example.org/a/very/long/link')).toBeNull();
  });
});
