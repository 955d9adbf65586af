import { TaskTypeSchema, type TaskType } from '../core/task-type.js';
import { COCO_LABELS, LABEL_WORDS } from '../text/object-labels.js';

/** The part of a recording or a video to keep: the same words for both, so that "the first 5 seconds" reads alike. */
const PART = {
  duration: { type: 'number', description: 'keep this many seconds: the first seconds, a length', minimum: 0 },
  start: { type: 'number', description: 'start from this second, after, skip', minimum: 0 },
};

/**
 * The task types Troupe's local experts serve. Descriptions and examples are the
 * documentation the built-in planner and the LLM read; keep them in a user's words.
 */
const RAW: unknown[] = [
  {
    id: 'ocr',
    name: 'Optical character recognition',
    hfPipelineTag: 'image-to-text',
    description:
      'Read the printed or written text in an image: signs, labels, documents, screenshots, scans, photos of text. Extracts the words as text.',
    inputs: [{ name: 'image', modality: 'image', description: 'the picture that contains text' }],
    output: { modality: 'text', description: 'the text found in the image' },
    params: {
      type: 'object',
      properties: {
        language: { type: 'string', format: 'language', description: 'language of the text in the image (ISO 639-1)', default: 'en' },
      },
    },
    examples: [
      'read the sign in this photo',
      'extract the text from this scanned document',
      'what does the label in the picture say',
      'transcribe the words written in this image',
    ],
  },
  {
    id: 'translation',
    name: 'Translation',
    hfPipelineTag: 'translation',
    description:
      'Translate text from one language into another language, e.g. English into Spanish. The source language is detected when not given.',
    inputs: [{ name: 'text', modality: 'text', description: 'the text to translate' }],
    output: { modality: 'text', description: 'the translated text' },
    params: {
      type: 'object',
      properties: {
        target_language: { type: 'string', format: 'language', description: 'language to translate into (ISO 639-1)' },
        source_language: { type: 'string', format: 'language', description: 'language of the text (ISO 639-1); detected when absent' },
      },
      required: ['target_language'],
    },
    examples: ['translate it into Spanish', 'translate this text to English', 'how do you say this in Catalan'],
  },
  {
    id: 'text-to-speech',
    name: 'Text to speech',
    hfPipelineTag: 'text-to-speech',
    description:
      'Speak text aloud (TTS): synthesize a spoken audio recording (voice) of the text to listen to, read out loud, pronounce, narrate.',
    inputs: [{ name: 'text', modality: 'text', description: 'the text to speak' }],
    output: { modality: 'audio', description: 'a WAV recording of the speech' },
    params: {
      type: 'object',
      properties: {
        language: { type: 'string', format: 'language', description: "language of the voice (ISO 639-1); if absent, the text's own" },
        // Plain values, read off the request by their own words ("a British voice", "female"):
        // documentation of each value would weigh in the choice of the task type itself, where
        // "man" or "when" make a request about a man, or a question, look like one to speak.
        accent: { type: 'string', enum: ['british', 'american', 'scottish', 'latin-american', 'brazilian'] },
        gender: { type: 'string', enum: ['female', 'male'] },
      },
    },
    examples: ['read it aloud', 'say this out loud', 'turn the text into speech', 'narrate the result as audio', 'speak it'],
  },
  {
    id: 'language-identification',
    name: 'Language identification',
    hfPipelineTag: 'text-classification',
    description: 'Identify which language a text is in (detect the language), with a confidence for each likely language.',
    inputs: [{ name: 'text', modality: 'text', description: 'the text whose language to identify' }],
    output: { modality: 'json', description: 'the language: {language, name, confidence, candidates}' },
    params: { type: 'object', properties: {} },
    examples: ['what language is this text in', 'detect the language of this sentence', 'tell me the language of this message'],
  },
  {
    id: 'image-to-image',
    name: 'Image transformation',
    hfPipelineTag: 'image-to-image',
    description:
      'Edit or transform a picture: make it black and white (grayscale), rotate, flip, mirror, blur, sharpen, brighten or darken, resize, make it smaller or larger, crop, invert colours, or convert the image to another format (PNG, JPEG, WebP).',
    inputs: [{ name: 'image', modality: 'image', description: 'the picture to transform' }],
    output: { modality: 'image', description: 'the transformed picture' },
    params: {
      type: 'object',
      properties: {
        operation: {
          type: 'string',
          description: 'what to do to the image',
          oneOf: [
            { const: 'grayscale', description: 'black and white, b&w, bw, grey, greyscale, monochrome, desaturate, remove the colour' },
            { const: 'rotate', description: 'rotate, turn by an angle in degrees, clockwise, to the right' },
            { const: 'rotate-left', description: 'rotate to the left, anticlockwise, counterclockwise' },
            { const: 'flip', description: 'flip upside down, vertically' },
            { const: 'mirror', description: 'mirror, flip horizontally, left to right' },
            { const: 'blur', description: 'blur, soften, smooth, out of focus' },
            { const: 'sharpen', description: 'sharpen, crisper, sharper, less blurry' },
            { const: 'brighten', description: 'brighten, brighter, brightness, lighten, lighter, more light' },
            { const: 'darken', description: 'darken, darker, dimmer, less light' },
            { const: 'resize', description: 'resize, scale to a width (pixels wide), a height or a percentage' },
            { const: 'smaller', description: 'smaller, small, shrink, reduce the size, downscale, thumbnail' },
            { const: 'larger', description: 'larger, large, bigger, enlarge, upscale, increase the size' },
            { const: 'crop', description: 'crop, cut out, trim to a square' },
            { const: 'invert', description: 'invert the colours, negative' },
            { const: 'convert', description: 'convert, save as another file format (PNG, JPEG, JPG, WebP, GIF, TIFF)' },
          ],
        },
        angle: { type: 'number', description: 'rotation angle in degrees, clockwise', minimum: -360, maximum: 360 },
        width: { type: 'integer', description: 'width in pixels, wide', minimum: 1 },
        height: { type: 'integer', description: 'height in pixels, tall, high', minimum: 1 },
        scale: { type: 'number', description: 'size in percent of the original', minimum: 1 },
        sigma: { type: 'number', description: 'blur strength (radius)', minimum: 0.3 },
        format: {
          type: 'string',
          description: 'output file format',
          oneOf: [
            { const: 'png', description: 'png' },
            { const: 'jpeg', description: 'jpeg, jpg' },
            { const: 'webp', description: 'webp' },
            { const: 'gif', description: 'gif' },
            { const: 'tiff', description: 'tiff, tif' },
          ],
        },
      },
      required: ['operation'],
    },
    examples: ['make this photo black and white', 'rotate the picture 90 degrees', 'resize the image to 400 pixels wide', 'convert this image to webp', 'blur the photo'],
  },
  {
    id: 'sentiment-analysis',
    name: 'Sentiment analysis',
    hfPipelineTag: 'text-classification',
    description: 'Tell whether a text is positive, negative or neutral: the sentiment, mood, tone, emotion or opinion of a review, comment or message.',
    inputs: [{ name: 'text', modality: 'text', description: 'the text to judge' }],
    output: { modality: 'json', description: 'the sentiment: {label, compound, pos, neu, neg, sentences}' },
    params: { type: 'object', properties: {} },
    examples: ['is this review positive or negative', 'what is the sentiment of this comment', 'how does the writer feel'],
  },
  {
    id: 'token-classification',
    name: 'Named entities and parts of speech',
    hfPipelineTag: 'token-classification',
    description: 'Find the named entities in a text — people (persons), places (locations), organisations, companies and brands, dates and amounts of money — or tag each word with its part of speech (noun, verb, adjective).',
    inputs: [{ name: 'text', modality: 'text', description: 'the text to analyse' }],
    output: { modality: 'json', description: 'the named entities (the people, places, organisations, dates and amounts named) or the parts of speech: {scheme, entities: [{type, text, start}]} or {scheme, tokens: [{text, tags}]}' },
    params: {
      type: 'object',
      properties: {
        scheme: {
          type: 'string',
          default: 'entities',
          oneOf: [
            { const: 'entities', description: 'named entities: names of people, places, organisations, dates, money' },
            { const: 'parts-of-speech', description: 'part of speech tags, grammar: noun verb adjective' },
          ],
        },
      },
    },
    examples: ['who and what places are mentioned in this text', 'extract the names of people and companies', 'find the dates and amounts of money', 'tag the parts of speech'],
  },
  {
    id: 'zero-shot-classification',
    name: 'Topic classification',
    hfPipelineTag: 'zero-shot-classification',
    description: 'Tell which of the labels a request names a text is about: a review about food or service, an article about sports, politics or technology, an e-mail that is spam or not.',
    inputs: [{ name: 'text', modality: 'text', description: 'the text' }],
    output: { modality: 'json', description: 'the topic: {best, labels: [{label, score}]}' },
    params: {
      type: 'object',
      required: ['labels'],
      properties: { labels: { type: 'array', items: { type: 'string' }, format: 'choices', description: 'the labels to choose from, as the request names them' } },
    },
    examples: ['is this review about food or service', 'is this article about sports, politics or technology', 'which topic is this text about: science, art or history', 'classify this email as spam or not spam'],
  },
  {
    id: 'question-answering',
    name: 'Question answering',
    hfPipelineTag: 'question-answering',
    description: 'Answer a question about a given text (a document, an article, an e-mail, a transcript): who, what, when, where, why or how much, according to it.',
    inputs: [{ name: 'text', modality: 'text', description: 'the text that holds the answer' }],
    output: { modality: 'text', description: 'the answer' },
    params: { type: 'object', properties: { question: { type: 'string', format: 'request', description: "the question, in the user's words" } }, required: ['question'] },
    examples: ['answer my question about this text', 'according to the document, when does the offer end', 'how much does it cost, based on this article', 'in this email, who should I call'],
  },
  {
    id: 'summarization',
    name: 'Summarization',
    hfPipelineTag: 'summarization',
    description: 'Summarize a long text: shorten it, short and brief, to its most important sentences, its key points and main ideas, the gist, the highlights.',
    inputs: [{ name: 'text', modality: 'text', description: 'the text to summarize' }],
    output: { modality: 'text', description: 'the summary' },
    params: { type: 'object', properties: { sentences: { type: 'integer', minimum: 1, description: 'how many sentences the summary keeps' } } },
    examples: ['summarize this article', 'give me the gist of this text in 2 sentences', 'make it shorter'],
  },
  {
    id: 'automatic-speech-recognition',
    name: 'Speech recognition',
    hfPipelineTag: 'automatic-speech-recognition',
    description: 'Transcribe speech: listen to a recording or audio file and write down the words spoken (speech or voice to text, STT, ASR, dictation, subtitles, what is said or talked about): its transcript.',
    inputs: [{ name: 'audio', modality: 'audio', description: 'the recording of speech' }],
    output: { modality: 'text', description: 'the transcript' },
    params: { type: 'object', properties: { language: { type: 'string', format: 'language', description: 'language spoken (ISO 639-1)', default: 'en' } } },
    examples: ['transcribe this recording', 'what does the speaker say', 'write down what is said in this audio'],
  },
  {
    id: 'voice-activity-detection',
    name: 'Voice activity detection',
    hfPipelineTag: 'voice-activity-detection',
    description: 'Find when someone speaks or talks in a recording: the parts with speech, the silences or pauses, and their start and end times.',
    inputs: [{ name: 'audio', modality: 'audio', description: 'the recording' }],
    output: { modality: 'json', description: '{duration, speech, segments: [{start, end}]}' },
    params: { type: 'object', properties: {} },
    examples: ['when does someone speak in this recording', 'find the speech segments', 'detect the silences in the audio'],
  },
  {
    id: 'audio-to-audio',
    name: 'Audio conversion',
    hfPipelineTag: 'audio-to-audio',
    description: 'Convert or edit a recording: change the audio format (WAV, FLAC, OGG, MP3) or sample rate, make it mono, normalise the volume, cut it to a part, trim the silence, speed it up or slow it down.',
    inputs: [{ name: 'audio', modality: 'audio', description: 'the recording' }],
    output: { modality: 'audio', description: 'the converted recording' },
    params: {
      type: 'object',
      properties: {
        operation: {
          type: 'string',
          oneOf: [
            { const: 'convert', description: 'convert to another format (WAV, FLAC, OGG, MP3), or resample to another sample rate' },
            { const: 'mono', description: 'mono, one channel, mix down' },
            { const: 'normalize', description: 'normalise, normalize, even out the level' },
            { const: 'louder', description: 'louder, loud, amplify, boost, raise, more volume' },
            { const: 'quieter', description: 'quieter, quiet, softer, soft, lower, reduce, less volume' },
            { const: 'trim-silence', description: 'trim or remove the silence at the start and end' },
            { const: 'faster', description: 'speed up, fast, faster, quicker, twice as fast' },
            { const: 'slower', description: 'slow down, slower, slow motion, half as fast, half speed' },
            { const: 'speed', description: 'change the speed or tempo by the factor given: above 1 faster, below 1 slower' },
            { const: 'cut', description: 'cut or trim to a part, shorten, shorter, keep or remove the first seconds' },
          ],
        },
        ...PART,
        format: { type: 'string', enum: ['wav', 'flac', 'ogg', 'mp3'], description: 'output audio format' },
        sample_rate: { type: 'integer', description: 'sample rate in hz (hertz), e.g. 16000', minimum: 4000, maximum: 192000 },
        factor: { type: 'number', description: 'speed factor: times as fast, e.g. 1.5 times faster', minimum: 0.1, maximum: 10 },
      },
      // No default, as for video editing: a recording whose edit the request does not name is
      // not guessed ("reverse the audio" was converted to WAV and called done).
      required: ['operation'],
    },
    examples: ['convert this recording to flac', 'resample the audio to 16000 hz', 'trim the silence from this recording', 'make the audio louder'],
  },
  {
    id: 'object-detection',
    name: 'Object detection',
    hfPipelineTag: 'object-detection',
    description: 'Detect and locate the objects in a photo — people, animals, cars, furniture, food and other everyday things — with a box drawn around each and its label, and count them.',
    inputs: [{ name: 'image', modality: 'image', description: 'the photo' }],
    output: { modality: 'json', description: 'the objects detected: {objects: [{label, score, box}]}, plus the image with boxes drawn' },
    params: {
      type: 'object',
      properties: {
        find: {
          type: 'string',
          format: 'label',
          description: 'the object named',
          oneOf: COCO_LABELS.map((label) => ({ const: label, description: LABEL_WORDS[label] ?? '' })),
        },
      },
    },
    examples: ['what objects are in this picture', 'detect the objects in this photo', 'how many people are in the image', 'find the cars in this picture'],
  },
  {
    id: 'face-analysis',
    name: 'Face detection and analysis',
    hfPipelineTag: 'image-classification',
    description: 'Find the faces in a photo and estimate each person\'s age, gender (male or female) and emotion (happy, sad, angry, surprised, neutral), with a box drawn around each face.',
    inputs: [{ name: 'image', modality: 'image', description: 'the photo' }],
    output: { modality: 'json', description: 'the faces: {faces: [{box, age, gender, emotion}]}, plus the image with boxes drawn' },
    params: { type: 'object', properties: {} },
    examples: ['find the faces in this photo', 'how old does this person look', 'is the person smiling, what is their emotion', 'detect faces and guess their gender'],
  },
  {
    id: 'keypoint-detection',
    name: 'Pose estimation',
    hfPipelineTag: 'keypoint-detection',
    description: 'Estimate a person\'s body pose in a photo: the positions of the keypoints, its joints and face points (head, nose, eyes, ears, shoulders, elbows, wrists, hips, knees, ankles: where the arms and legs are) joined as a skeleton.',
    inputs: [{ name: 'image', modality: 'image', description: 'the photo of a person' }],
    output: { modality: 'json', description: 'the poses: {people: [{score, box, keypoints: [{part, x, y, score}]}]}, plus the skeleton drawn' },
    params: { type: 'object', properties: {} },
    examples: ['estimate the pose of the person in this photo', 'find the body keypoints', 'draw the skeleton of the person'],
  },
  {
    id: 'image-segmentation',
    name: 'Person segmentation',
    hfPipelineTag: 'image-segmentation',
    description: 'Separate the person in a photo from the background: the photo with its background made transparent (a cut-out PNG), or the mask of the person.',
    inputs: [{ name: 'image', modality: 'image', description: 'the photo of a person' }],
    output: { modality: 'image', description: 'the cut-out (PNG with transparency) or the mask' },
    params: {
      type: 'object',
      properties: {
        output: {
          type: 'string',
          default: 'cutout',
          oneOf: [
            { const: 'cutout', description: 'cut out, no background, transparent background, isolate' },
            { const: 'mask', description: 'mask, silhouette, outline of the person' },
          ],
        },
      },
    },
    examples: ['give this photo a transparent background', 'cut the person out of the picture', 'a mask of the person in this photo'],
  },
  {
    id: 'video-to-audio',
    name: 'Sound track extraction',
    description: 'Extract the sound track of a video as a recording (WAV).',
    inputs: [{ name: 'video', modality: 'video', description: 'the video' }],
    output: { modality: 'audio', description: 'the sound track, a WAV recording' },
    params: { type: 'object', properties: {} },
    examples: ['extract the audio from this video', 'get the sound track of the clip', 'save the soundtrack of this movie as a recording'],
  },
  {
    id: 'video-to-image',
    name: 'Video frame or GIF',
    description: 'Take a still frame (a thumbnail, a screenshot) from a video at a given time, or make an animated GIF of it.',
    inputs: [{ name: 'video', modality: 'video', description: 'the video' }],
    output: { modality: 'image', description: 'the frame (PNG), or the animated GIF' },
    params: {
      type: 'object',
      properties: {
        at: { type: 'number', description: 'the time of the frame in seconds (default: the middle)', minimum: 0 },
        duration: { type: 'number', description: 'a gif of this many seconds: the first seconds', minimum: 0.1, maximum: 30 },
        format: { type: 'string', enum: ['png', 'jpg', 'gif'], description: 'png or jpg still frame, or gif animation' },
      },
    },
    examples: ['take a screenshot of this video at 3 seconds', 'make a thumbnail of the video', 'turn this clip into an animated gif', 'grab a still frame from the movie'],
  },
  {
    id: 'video-to-video',
    name: 'Video editing',
    description: 'Edit or convert a video: cut (trim) it to a part, change its format (MP4, WebM), mute it (remove or delete the sound or audio track), or speed it up or slow it down.',
    inputs: [{ name: 'video', modality: 'video', description: 'the video' }],
    output: { modality: 'video', description: 'the edited video' },
    params: {
      type: 'object',
      properties: {
        operation: {
          type: 'string',
          oneOf: [
            { const: 'convert', description: 'convert to another format (MP4, WebM)' },
            { const: 'trim', description: 'trim, cut, shorten, shorter, to a part, first seconds' },
            { const: 'mute', description: 'mute, silence, remove, delete or strip the sound or the audio track, no audio, without sound' },
            { const: 'faster', description: 'speed up, fast, faster, quicker, twice as fast' },
            { const: 'slower', description: 'slow down, slower, slow motion, half as fast, half speed' },
            { const: 'speed', description: 'change the speed or tempo by the factor given: above 1 faster, below 1 slower' },
          ],
        },
        ...PART,
        factor: { type: 'number', description: 'speed factor: times as fast, e.g. 2 times faster', minimum: 0.25, maximum: 4 },
        format: { type: 'string', enum: ['mp4', 'webm'], description: 'output video format' },
      },
      // No default: a video edit whose operation the request does not name is not guessed ("reverse the video" was converted to MP4 and called done).
      required: ['operation'],
    },
    examples: ['trim this video to the first 10 seconds', 'convert the video to webm', 'mute this clip', 'speed up the video 2 times', 'remove the sound from the movie'],
  },
  {
    id: 'scene-detection',
    name: 'Scene detection',
    description: 'Find the scenes of a video: where the picture changes (cuts), as time segments with their start and end.',
    inputs: [{ name: 'video', modality: 'video', description: 'the video' }],
    output: { modality: 'json', description: 'the scenes: {duration, scenes: [{start, end}]}' },
    params: { type: 'object', properties: { threshold: { type: 'number', description: 'how different two frames must be to count as a cut, 0 to 1 (default 0.3)', minimum: 0.05, maximum: 0.95 } } },
    examples: ['find the scene changes in this video', 'where are the cuts in the clip', 'split the video into scenes'],
  },
];

export const BUILTIN_TASK_TYPES: readonly TaskType[] = RAW.map((t) => TaskTypeSchema.parse(t));
