import type { Expert } from '../../core/expert.js';
import { apertiumTranslation } from './apertium-translation.js';
import { compromiseTokenClassification } from './compromise-entities.js';
import { encoderAnswerSentence } from './encoder-answer-sentence.js';
import { encoderZeroShot } from './encoder-zero-shot.js';
import { energyVad } from './energy-vad.js';
import { espeakTts } from './espeak-tts.js';
import { fliteTts } from './flite-tts.js';
import { ffmpegAudioExtract } from './ffmpeg-audio-extract.js';
import { ffmpegFrame } from './ffmpeg-frame.js';
import { ffmpegScenes } from './ffmpeg-scenes.js';
import { ffmpegVideoTransform } from './ffmpeg-video-transform.js';
import { eldLanguageId } from './eld-language-id.js';
import { humanFaceAnalysis, humanObjectDetection, humanPoseEstimation } from './human/human-experts.js';
import { humanSegmentation } from './human/human-segmentation.js';
import { pocketsphinxAsr } from './pocketsphinx-asr.js';
import { sharpImageTransform } from './sharp-image-transform.js';
import { soxAudioTransform } from './sox-audio-transform.js';
import { tesseractOcr } from './tesseract-ocr.js';
import { tesseractJsOcr } from './tesseractjs-ocr.js';
import { textRankSummarizer } from './textrank-summarizer.js';
import { vaderSentiment } from './vader-sentiment.js';

export const LOCAL_EXPERTS: readonly Expert[] = [
  tesseractOcr,
  tesseractJsOcr,
  apertiumTranslation,
  espeakTts,
  fliteTts,
  eldLanguageId,
  sharpImageTransform,
  vaderSentiment,
  compromiseTokenClassification,
  textRankSummarizer,
  encoderZeroShot,
  encoderAnswerSentence,
  pocketsphinxAsr,
  energyVad,
  soxAudioTransform,
  humanObjectDetection,
  humanFaceAnalysis,
  humanPoseEstimation,
  humanSegmentation,
  ffmpegAudioExtract,
  ffmpegFrame,
  ffmpegVideoTransform,
  ffmpegScenes,
];
