import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { toolCatalog } from '../catalog/importers/taskbench-task-types.js';
import { requestFiles } from './request-files.js';
import type { Tool } from '../catalog/importers/import-taskbench.js';
import { planWithoutLlm } from './builtin-planner.js';

// An imported tool list documented only by names, one-line descriptions and input/output
// types, as TaskBench's and Hugging Face's are: no examples for the planner to lean on.
const TOOLS: Tool[] = [
  { id: 'Image Classification', desc: 'Image classification is the task of assigning a label or class to an entire image.', 'input-type': ['image'], 'output-type': ['text'] },
  { id: 'Tabular Classification', desc: 'Tabular classification is the task of classifying a table (in image format).', 'input-type': ['image'], 'output-type': ['text'] },
  { id: 'Visual Question Answering', desc: 'Visual Question Answering is the task of answering questions based on an image.', 'input-type': ['image', 'text'], 'output-type': ['text'] },
  { id: 'Image Editing', desc: 'Image editing is the task of modifying an image to match a given text description, such as the color of an object or the background.', 'input-type': ['text', 'image'], 'output-type': ['image'] },
  { id: 'Depth Estimation', desc: 'Depth estimation is the task of predicting the depth of the objects present in an image.', 'input-type': ['image'], 'output-type': ['image'] },
  { id: 'Image-to-Image', desc: 'Image-to-image is the task of transforming a source image to match the characteristics of a target image or domain.', 'input-type': ['image'], 'output-type': ['image'] },
  { id: 'Summarization', desc: 'Summarization is the task of producing a shorter version of a document while preserving its important information.', 'input-type': ['text'], 'output-type': ['text'] },
  { id: 'Automatic Speech Recognition', desc: 'Automatic Speech Recognition is the task of transcribing a given audio to text.', 'input-type': ['audio'], 'output-type': ['text'] },
  { id: 'Translation', desc: 'Translation is the task of converting text from one language to another.', 'input-type': ['text'], 'output-type': ['text'] },
  { id: 'Question Answering', desc: 'Question Answering models can retrieve the answer to a question from a given text.', 'input-type': ['text', 'text'], 'output-type': ['text'] },
];
/** The built-in planner over a tool list, its tasks named as the list names its tools. */
function plannerFor(tools: Tool[]) {
  const { catalog, toolName } = toolCatalog(tools);
  return (request: string) => planWithoutLlm(request, catalog, requestFiles(request)).plan.tasks.map((t) => ({ ...t, task: toolName.get(t.task) }));
}
const plan = plannerFor(TOOLS);

describe('planWithoutLlm over an imported tool list', () => {
  it('reads "it" as the kind of thing it points to: classifying a photo is image classification', () => {
    const tasks = plan("I have this image 'example.jpg' and I'm curious which class it belongs to. Could you help classify it for me?");
    assert.deepEqual(tasks.map((t) => t.task), ['Image Classification']);
  });

  it('gives a question about a photo the user\'s own words as its text', () => {
    const tasks = plan("Could you answer a question about 'room.jpg': how many chairs are in the room?");
    assert.deepEqual(tasks.map((t) => t.task), ['Visual Question Answering']);
    assert.deepEqual(tasks[0]!.args, { image: { file: 'room.jpg' }, text: 'Could you answer a question about room.jpg: how many chairs are in the room?' });
  });

  it('hears the kind word of a tool name in any word of that kind: "Visual" in "this photo"', () => {
    const tasks = plan("I took a photo of my street, 'street.jpg'. Answer me this: 'What colour is the parked car?'");
    assert.deepEqual(tasks.map((t) => t.task), ['Visual Question Answering']);
  });

  it('works on the latest result of the kind a step needs unless the step names the file', () => {
    const tasks = plan("Please edit 'example.jpg' so the sky is blue, then estimate the depth of the objects in the image.");
    assert.deepEqual(tasks.map((t) => [t.task, t.args.image]), [['Image Editing', { file: 'example.jpg' }], ['Depth Estimation', { ref: 't1' }]]);
    const back = plan("Please edit 'example.jpg' so the sky is blue, then estimate the depth of the objects in example.jpg.");
    assert.deepEqual(back[1]!.args.image, { file: 'example.jpg' });
  });

  it('does not plan a step for what the user has or is doing, even inside a sentence that asks', () => {
    const tasks = plan("I've been working on a design project and I have an image 'example.jpg'. Could you estimate the depth of the objects in it?");
    assert.deepEqual(tasks.map((t) => t.task), ['Depth Estimation']);
  });

  it('does not plan a step for a clause whose own words match nothing', () => {
    const tasks = plan("Could you summarize this text: 'The council met on Monday and agreed to extend the library hours.' Once that's done, thanks!");
    assert.deepEqual(tasks.map((t) => t.task), ['Summarization']);
  });

  it('reads "convert the audio into written text" as speech recognition, not translation', () => {
    const tasks = plan("I have a recording 'talk.wav'. Could you convert the audio into written text?");
    assert.deepEqual(tasks.map((t) => t.task), ['Automatic Speech Recognition']);
  });

});

// API tools documented by their parameters, as TaskBench's daily-life tools are.
const APIS: Tool[] = [
  { id: 'enroll_in_course', desc: 'Enroll in a specific course at a specific university', parameters: [{ name: 'course', type: 'string', desc: 'The course to enroll in' }, { name: 'university', type: 'string', desc: 'The university to enroll in the course at' }] },
  { id: 'order_taxi', desc: 'Order a taxi to a specific location at a specific platform', parameters: [{ name: 'location', type: 'string', desc: 'The location to order the taxi to' }, { name: 'platform', type: 'string', desc: 'The platform to order the taxi at, eg. Uber, Didi etc.' }] },
  { id: 'daily_bill_payment', desc: 'Pay a specific bill', parameters: [{ name: 'bill', type: 'string', desc: 'The bill to pay, eg. electricity, water, gas, phone, internet etc.' }] },
  { id: 'get_news_for_topic', desc: 'Get the news for a specific topic', parameters: [{ name: 'topic', type: 'string', desc: 'The topic to get the news for' }] },
  { id: 'online_shopping', desc: 'Buy a product from a specific website', parameters: [{ name: 'website', type: 'string', desc: 'The website to buy the product from, eg. Amazon, Ebay, Taobao etc.' }, { name: 'product', type: 'string', desc: 'The product to buy' }] },
];
const planApis = plannerFor(APIS);

describe('planWithoutLlm over API tools documented by their parameters', () => {
  const plan = (request: string) => planApis(request).map((t) => [t.task, t.args]);

  it('fills free-text parameters where their documentation cues them', () => {
    assert.deepEqual(plan('I would like to enroll in the Machine Learning course at Stanford University and then order a taxi to the campus using Uber.'), [
      ['enroll_in_course', { course: 'Machine Learning', university: 'Stanford University' }],
      ['order_taxi', { location: 'campus', platform: 'Uber' }],
    ]);
    assert.deepEqual(plan('Please pay my electricity bill and get me the latest news about artificial intelligence.'), [
      ['daily_bill_payment', { bill: 'electricity' }],
      ['get_news_for_topic', { topic: 'artificial intelligence' }],
    ]);
  });

  it('does not read "new" as "news"', () => {
    assert.deepEqual(plan('Buy a new laptop from Amazon.').map(([task]) => task), ['online_shopping']);
  });
});

// Tools that fetch, convert and combine media, as TaskBench's multimedia list documents them.
const MEDIA: Tool[] = [
  { id: 'Image Downloader', desc: 'Downloads an image from a given URL.', 'input-type': ['url'], 'output-type': ['image'] },
  { id: 'Image-to-Text', desc: 'Extracts text from an input image using Optical Character Recognition (OCR).', 'input-type': ['image'], 'output-type': ['text'] },
  { id: 'Text Translator', desc: 'Translates a given text from one language to english.', 'input-type': ['text'], 'output-type': ['text'] },
  { id: 'Image Colorizer', desc: 'Adds color to a black and white input image using deep learning techniques.', 'input-type': ['image'], 'output-type': ['image'] },
  { id: 'Image Stitcher', desc: 'Stitches together two input images to create a panorama or collage.', 'input-type': ['image', 'image'], 'output-type': ['image'] },
  { id: 'Text Downloader', desc: 'Downloads the text content from a given URL.', 'input-type': ['url'], 'output-type': ['text'] },
  { id: 'Image-to-Video', desc: 'Creates a slideshow video using two input images.', 'input-type': ['image', 'image'], 'output-type': ['video'] },
  { id: 'Video Speed Changer', desc: 'Adjusts the playback speed of a given video according to human instruction, either speeding it up or slowing it down.', 'input-type': ['video', 'text'], 'output-type': ['video'] },
  { id: 'Video Voiceover', desc: 'Adds a voiceover to a given video using a provided script or text.', 'input-type': ['video', 'text'], 'output-type': ['video'] },
  { id: 'Text Summarizer', desc: 'Summarizes a given text into a shorter version while retaining the main points.', 'input-type': ['text'], 'output-type': ['text'] },
];
const planMedia = plannerFor(MEDIA);

describe('planWithoutLlm over media tools', () => {
  const plan = (request: string) => planMedia(request).map((t) => [t.task, Object.values(t.args)]);

  it('fetches what a URL points to before working on it', () => {
    assert.deepEqual(plan('Please download the image from https://example.com/cat.jpg, extract the text in it, then translate the text.'), [
      ['Image Downloader', [{ file: 'https://example.com/cat.jpg' }]],
      ['Image-to-Text', [{ ref: 't1' }]],
      ['Text Translator', [{ ref: 't2' }]],
    ]);
  });

  it('fetches the page a URL points to for a step that wants its text, without being told to download it', () => {
    assert.deepEqual(plan('Summarize the article at https://news.example.com/story.html for me.'), [
      ['Text Downloader', [{ file: 'https://news.example.com/story.html' }]],
      ['Text Summarizer', [{ ref: 't1' }]],
    ]);
  });

  it("takes the latest result, not a file the clause does not name, beside the one it names", () => {
    assert.deepEqual(plan("Colorize the old photo 'old.jpg', then create a slideshow video using the colorized photo and 'new.jpg'."), [
      ['Image Colorizer', [{ file: 'old.jpg' }]],
      ['Image-to-Video', [{ file: 'new.jpg' }, { ref: 't1' }]],
    ]);
  });

  it("gives an instruction its own clause's words, and leaves a later step's quote to that step", () => {
    assert.deepEqual(plan("Please slow the video 'hike.mp4' down to half speed, then add a voiceover that says 'Welcome to the mountains'."), [
      ['Video Speed Changer', [{ file: 'hike.mp4' }, 'Please slow the video hike.mp4 down to half speed']],
      ['Video Voiceover', [{ ref: 't1' }, 'Welcome to the mountains']],
    ]);
  });

  it('gives a second input the file its clause names', () => {
    assert.deepEqual(plan("Colorize the black and white photo 'old.jpg' and stitch it together with 'new.jpg' to create a panorama."), [
      ['Image Colorizer', [{ file: 'old.jpg' }]],
      ['Image Stitcher', [{ ref: 't1' }, { file: 'new.jpg' }]],
    ]);
  });
});

// Tools as TaskBench's Hugging Face list documents them, word for word: the audio tools share
// most of their words.
const HF_TOOLS: Tool[] = [
  { id: "Automatic Speech Recognition", desc: "Automatic Speech Recognition (ASR), also known as Speech to Text (STT), is the task of transcribing a given audio to text. It has many applications, such as voice user interfaces.", 'input-type': ['audio'], 'output-type': ['text'] },
  { id: "Audio-to-Audio", desc: "Audio-to-Audio is a family of tasks in which the input is an audio and the output is one or multiple generated audios. Some example tasks are speech enhancement and source separation.", 'input-type': ['audio'], 'output-type': ['audio'] },
  { id: "Audio Classification", desc: "Audio classification is the task of assigning a label or class to a given audio. It can be used for recognizing which command a user is giving or the emotion of a statement, as well as identifying a speaker.", 'input-type': ['audio'], 'output-type': ['text'] },
  { id: "Summarization", desc: "Summarization is the task of producing a shorter version of a document while preserving its important information. Some models can extract text from the original input, while other models can generate entirely new text.", 'input-type': ['text'], 'output-type': ['text'] },
  { id: "Text-to-Speech", desc: "Text-to-Speech (TTS) is the task of generating natural sounding speech given text input. TTS models can be extended to have a single model that generates speech for multiple speakers and multiple languages.", 'input-type': ['text'], 'output-type': ['audio'] },
  { id: "Text-to-Image", desc: "Generates images from input text. These models can be used to generate images based on text prompts.", 'input-type': ['text'], 'output-type': ['image'] },
  { id: "Image Segmentation", desc: "Image Segmentation divides an image into segments where each pixel in the image is mapped to an object. This task has multiple variants such as instance segmentation, panoptic segmentation and semantic segmentation.", 'input-type': ['image'], 'output-type': ['image'] },
  { id: "Object Detection", desc: "Object Detection models allow users to identify objects of certain defined classes. Object detection models receive an image as input and output the images with bounding boxes and labels on detected objects.", 'input-type': ['image'], 'output-type': ['text'] },
  { id: "Text Generation", desc: "Generating text is the task of producing new text. These models can, for example, fill in incomplete text or paraphrase.", 'input-type': ['text'], 'output-type': ['text'] },
  { id: "Conversational", desc: "Conversational response modelling is the task of generating conversational text that is relevant, coherent and knowledgable given a prompt. These models have applications in chatbots, and as a part of voice assistants", 'input-type': ['text'], 'output-type': ['text'] },
  { id: "Sentence Similarity", desc: "Sentence Similarity is the task of determining how similar two texts are. This task is particularly useful for information retrieval and clustering/grouping.", 'input-type': ['text', 'text'], 'output-type': [] },
  { id: "Visual Question Answering", desc: "Visual Question Answering is the task of answering questions based on an image.", 'input-type': ['image', 'text'], 'output-type': ['text'] },
  { id: "Image Editing", desc: "Image editing is the task of modifying an image to match a given text description. It can be used to modify the attributes of an image, such as the color of an object or the background.", 'input-type': ['text', 'image'], 'output-type': ['image'] },
  { id: "Image-to-Text", desc: "Image to text models output a text from a given image. Image captioning or optical character recognition can be considered as the most common applications of image to text.", 'input-type': ['image'], 'output-type': ['text'] },
  { id: "Depth Estimation", desc: "Depth estimation is the task of predicting depth of the objects present in an image.", 'input-type': ['image'], 'output-type': ['image'] },
];

describe('planWithoutLlm over TaskBench descriptions', () => {
  const hf = plannerFor(HF_TOOLS);
  it('hears "a transcription" as transcribing', () => {
    const tasks = hf("I recorded 'talk.wav'. I'd like a transcription of it.");
    assert.deepEqual(tasks.map((t) => t.task), ['Automatic Speech Recognition']);
  });

  it('ends a step with the kind of result its clause asks for: "an audio clip that summarizes"', () => {
    const tasks = hf("Here is my note: 'Apollo 11 landed on the moon in July 1969 and its crew came home safely.' Can you help me generate a short audio clip that summarizes it?");
    assert.deepEqual(tasks.map((t) => [t.task, t.args]), [
      ['Summarization', { text: 'Apollo 11 landed on the moon in July 1969 and its crew came home safely.' }],
      ['Text-to-Speech', { text: { ref: 't1' } }],
    ]);
  });

  it('takes "save it as an audio clip" after speech for how to keep it, not for another step', () => {
    const tasks = hf("Could you convert this question into speech for me - 'Hello, could you tell me more about AI' - and save it as an audio clip, so I can listen to it again?");
    assert.deepEqual(tasks.map((t) => t.task), ['Text-to-Speech']);
    assert.deepEqual(hf("Could you turn 'Hello, could you tell me more about AI' into speech, saving it as an audio clip?").map((t) => t.task), ['Text-to-Speech']);
  });

  it('takes a clause that repeats the step before it for no new step', () => {
    const tasks = hf("I captured it in a photo named 'example.jpg'. Can you help me extract each object within the image into separate segments? I'd like to focus on each object individually.");
    assert.deepEqual(tasks.map((t) => t.task), ['Image Segmentation']);
  });

  it('asks the type documented as making a kind anew for a new thing in words no tool uses, the request as its prompt', () => {
    assert.deepEqual(hf('Could you write a short story about a dragon?'), [{ id: 't1', task: 'Text Generation', args: { text: 'write a short story about a dragon' }, deps: [] }]);
    assert.deepEqual(hf('Please draft a blog post about healthy eating.').map((t) => t.task), ['Text Generation']);
    assert.deepEqual(hf('Could you generate an image of a sunset over the sea?'), [{ id: 't1', task: 'Text-to-Image', args: { text: 'generate an image of a sunset over the sea' }, deps: [] }]);
  });

  it('reads comparing as asking how similar two texts are', () => {
    const tasks = hf("Please summarize 'The meeting moved to Monday because the room was booked on Friday.' and compare the summary with 'The meeting is on Monday.'");
    assert.deepEqual(tasks.map((t) => t.task), ['Summarization', 'Sentence Similarity']);
  });

  it('compares the result before with the one quote its clause gives, not the quote with itself', () => {
    const tasks = hf("Please summarize 'The meeting moved to Monday because the room was booked on Friday.' Then tell me how similar the summary is to the statement 'The meeting is on Monday.'");
    assert.deepEqual(tasks.map((t) => [t.task, t.args]), [
      ['Summarization', { text: 'The meeting moved to Monday because the room was booked on Friday.' }],
      ['Sentence Similarity', { text: 'The meeting is on Monday.', text2: { ref: 't1' } }],
    ]);
  });

  it('asks a quoted question of the latest result when its clause says nothing else', () => {
    assert.deepEqual(plan("I took 'beach.jpg' on holiday. Also I'm wondering, 'What makes this image stand out the most?' Can you translate the answer for my Spanish speaking friend?"), [
      { id: 't1', task: 'Visual Question Answering', args: { image: { file: 'beach.jpg' }, text: 'What makes this image stand out the most?' }, deps: [] },
      { id: 't2', task: 'Translation', args: { text: { ref: 't1' } }, deps: ['t1'] },
    ]);
  });

  it('translates when a clause names only the language to have something in', () => {
    const tasks = plan("Please summarize 'The meeting moved to Monday because the room was booked on Friday.' And could you also give me that in German?");
    assert.deepEqual(tasks.map((t) => [t.task, t.args]), [
      ['Summarization', { text: 'The meeting moved to Monday because the room was booked on Friday.' }],
      ['Translation', { text: { ref: 't1' } }],
    ]);
  });

  it('leaves out a step nothing at hand can feed, for what the clause asks to make: "creating a visual representation"', () => {
    assert.deepEqual(hf("I recorded 'talk.wav', which describes an object. Can you assist me in creating a visual representation of this object?").map((t) => [t.task, t.args]), [
      ['Automatic Speech Recognition', { audio: { file: 'talk.wav' } }],
      ['Text-to-Image', { text: { ref: 't1' } }],
    ]);
  });

  it("makes what a step needs from the request's quote when nothing else gives it", () => {
    assert.deepEqual(hf("Please segment the picture of 'a red bicycle'.").map((t) => [t.task, t.args]), [
      ['Text-to-Image', { text: 'a red bicycle' }],
      ['Image Segmentation', { image: { ref: 't1' } }],
    ]);
  });

  it('gives a text step the text the request gave, not a round trip of its speech through a transcript', () => {
    assert.deepEqual(hf("Please read 'Welcome to the show' aloud, and then summarize this text for me.").map((t) => [t.task, t.args]), [
      ['Text-to-Speech', { text: 'Welcome to the show' }],
      ['Summarization', { text: 'Welcome to the show' }],
    ]);
  });

  it('takes a clause that names the latest step again, in its name\'s words, for that step, and another kind for another step', () => {
    const search = plannerFor([
      { id: 'Image Search', desc: 'Searches for images on the internet based on a given query.', 'input-type': ['text'], 'output-type': ['image'] },
      { id: 'Video Search', desc: 'Searches for videos on the internet based on a given query.', 'input-type': ['text'], 'output-type': ['video'] },
      { id: 'Image Search (by Image)', desc: 'Performs a similar image search using an input image.', 'input-type': ['image'], 'output-type': ['image'] },
      { id: 'Image Downloader', desc: 'Downloads an image from a given URL.', 'input-type': ['url'], 'output-type': ['image'] },
      { id: 'Image Stitcher', desc: 'Stitches together two images to create a panorama or collage.', 'input-type': ['image', 'image'], 'output-type': ['image'] },
    ]);
    assert.deepEqual(search("Could you find some videos about 'how to bake bread' and also look for images of bread loaves?").map((t) => t.task), ['Video Search', 'Image Search']);
    assert.deepEqual(search('Please find some pictures of golden retrievers online.').map((t) => t.task), ['Image Search']);
    assert.deepEqual(hf("I snapped a photo of a busy street titled 'street.jpg'. I'm curious about how many cars are captured in it. Could you leverage the Visual Question Answering tool to unveil that?").map((t) => t.task), ['Visual Question Answering']);
    assert.deepEqual(hf("I have this text 'The AI conference will be held on August 7th.' and I'd like to have an audio reminder generated from this information. Can you help in creating an audio reminder with clear speech?").map((t) => t.task), ['Text-to-Speech', 'Audio-to-Audio']);
  });

  it('takes "assistant", said to Troupe, for framing, not for a chatbot', () => {
    assert.deepEqual(hf("I recorded 'talk.wav'. Could you, assistant, enhance the audio quality for better clarity?").map((t) => t.task), ['Audio-to-Audio']);
  });

  it('takes no step for a clause whose only words are in most of the documentation: "help me with a task"', () => {
    assert.deepEqual(hf("I've got this image named 'cars.jpg' that has a number of cars in it. Would you help me with a task? Let's segment that image first.").map((t) => t.task), ['Image Segmentation']);
  });

  it('hears "in speech form" as wanting speech, not as a word of the tool that compares sentences', () => {
    assert.deepEqual(hf("I have with me a sentence 'The quick brown fox jumps over the lazy dog.' and I'd love to hear this sentence in speech form.").map((t) => t.task), ['Text-to-Speech']);
  });

  it('hears "my Spanish speaking friend" as who a result is for, not as speaking it', () => {
    assert.deepEqual(hf("Please summarize 'The meeting moved to Monday because the room was booked on Friday.' I want to share it with my Spanish speaking friend.").map((t) => t.task), ['Summarization']);
  });

  it('hears "tell me audibly" as wanting speech', () => {
    const tasks = hf("Please summarize 'The meeting moved to Monday because the room was booked on Friday.' and tell me the result audibly.");
    assert.deepEqual(tasks.map((t) => t.task), ['Summarization', 'Text-to-Speech']);
  });

  it('asks a question of fact about a photo in the user\'s words, and an edit is no question', () => {
    assert.deepEqual(hf("I have a photo 'room.jpg'. I'm curious about the dominant color of the sofa in it."), [
      { id: 't1', task: 'Visual Question Answering', args: { image: { file: 'room.jpg' }, text: "I'm curious about the dominant color of the sofa in it" }, deps: [] },
    ]);
    assert.deepEqual(hf("Please change the color of the sofa in 'room.jpg' to blue.").map((t) => t.task), ['Image Editing']);
  });

  it("turns a photo into the text a step needs by the tool the request's words name, not by catalog order", () => {
    assert.deepEqual(plan("I've got a picture of a table with this year's prices, 'prices.jpg'. Could you provide a brief summary?").map((t) => t.task), ['Tabular Classification', 'Summarization']);
  });

  it('reads asking for a category as asking to classify', () => {
    const tasks = plan("I've got a picture ('example.jpg') that I'm curious about. Can you help me figure out its category?");
    assert.deepEqual(tasks.map((t) => t.task), ['Image Classification']);
  });

  it("reads asking what is in a photo as asking to classify it", () => {
    assert.deepEqual(plan("I recently snapped a picture, 'cam.jpg', and I am curious about what's in the image.").map((t) => t.task), ['Image Classification']);
  });

  it('reads words that mean a summary as asking to summarize', () => {
    const tasks = plan("I've got a lengthy article, and it's quite dense. Can you help me distill the main points from this text: 'Solar and wind power grew fast last year while coal declined in most countries.'");
    assert.deepEqual(tasks.map((t) => t.task), ['Summarization']);
  });

  it('reads a description of a photo as its caption', () => {
    assert.deepEqual(hf("I have 'park.jpg'. Identify the objects in it, and give me a textual description.").map((t) => t.task), ['Object Detection', 'Image-to-Text']);
  });

  it('reads how far things are as their depth', () => {
    assert.deepEqual(plan("I've been analyzing an image named example.jpg. Can you help me calculate how far away each object in the image is?").map((t) => t.task), ['Depth Estimation']);
  });

  it('reads deciphering the text on something as character recognition', () => {
    assert.deepEqual(hf("I've got an image titled 'example.jpg' that seems to have some inscriptions on it. Could you help decipher the text present in it for me please?").map((t) => t.task), ['Image-to-Text']);
  });

  it('reads separating the parts of a photo as segmenting it', () => {
    assert.deepEqual(hf("I took a picture of a busy street, 'street.jpg'. Can you please help me separate the different objects in it?").map((t) => t.task), ['Image Segmentation']);
  });

  it('reads picking out the distinct elements of a picture as segmenting it', () => {
    assert.deepEqual(hf("Could you generate an image of 'a river between mountains' and then identify distinct elements within the image?").map((t) => t.task), ['Text-to-Image', 'Image Segmentation']);
  });

  it('reads putting audio into written form as transcribing it', () => {
    assert.deepEqual(hf("I've been doing some research and all of my notes are in an audio recording labeled 'notes.wav'. Can you assist me in converting this audio file into a written format?").map((t) => t.task), ['Automatic Speech Recognition']);
  });
});
