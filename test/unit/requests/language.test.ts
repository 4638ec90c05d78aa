import { detectLanguage, uncoveredLanguage } from '../../../activities/model/rules/language';

describe('languages the guardrails cover', () => {
  it('passes English, with or without an English locale', () => {
    expect(uncoveredLanguage(['I was charged twice for my plan this month'])).toBeNull();
    expect(uncoveredLanguage(['nbn down??'])).toBeNull();
    expect(uncoveredLanguage(['hi'], 'en-AU')).toBeNull();
  });

  it('sends other languages to a person, by stated locale or by the text', () => {
    expect(detectLanguage(['Me cobraron dos veces la factura de este mes y no es justo'])).toBe('es');
    expect(uncoveredLanguage(['Me cobraron dos veces la factura de este mes'])).toMatch(/reads as es/);
    expect(uncoveredLanguage(['我的账单被重复收费了'])).toMatch(/non-latin/);
    expect(uncoveredLanguage(['I was charged twice'], 'vi-VN')).toMatch(/locale vi-VN/);
    // An English channel does not make a Spanish message checkable.
    expect(uncoveredLanguage(['Me cobraron dos veces la factura de este mes'], 'en-AU')).toMatch(/reads as es/);
  });
});
