import type { Expert } from '../../catalog/expert.js';
import { apertiumTranslation } from './apertium-translation.js';
import { espeakTts } from './espeak-tts.js';
import { francLanguageId } from './franc-language-id.js';
import { sharpImageTransform } from './sharp-image-transform.js';
import { tesseractOcr } from './tesseract-ocr.js';

export const LOCAL_EXPERTS: readonly Expert[] = [tesseractOcr, apertiumTranslation, espeakTts, francLanguageId, sharpImageTransform];
