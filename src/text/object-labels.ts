/**
 * The 80 kinds of everyday object the COCO data set names, which the local object detector
 * (CenterNet, in @vladmandic/human's src/object/labels.ts) knows: the words a request uses to
 * say which objects it asks about ("find the cat", "count the chairs"). Data, not rules: the
 * detector's own label list, in its order.
 */
export const COCO_LABELS = [
  'person', 'bicycle', 'car', 'motorcycle', 'airplane', 'bus', 'train', 'truck', 'boat', 'traffic light',
  'fire hydrant', 'stop sign', 'parking meter', 'bench', 'bird', 'cat', 'dog', 'horse', 'sheep', 'cow',
  'elephant', 'bear', 'zebra', 'giraffe', 'backpack', 'umbrella', 'handbag', 'tie', 'suitcase', 'frisbee',
  'skis', 'snowboard', 'sports ball', 'kite', 'baseball bat', 'baseball glove', 'skateboard', 'surfboard', 'tennis racket', 'bottle',
  'wine glass', 'cup', 'fork', 'knife', 'spoon', 'bowl', 'banana', 'apple', 'sandwich', 'orange',
  'broccoli', 'carrot', 'hot dog', 'pizza', 'donut', 'cake', 'chair', 'couch', 'potted plant', 'bed',
  'dining table', 'toilet', 'tv', 'laptop', 'mouse', 'remote', 'keyboard', 'cell phone', 'microwave', 'oven',
  'toaster', 'sink', 'refrigerator', 'book', 'clock', 'vase', 'scissors', 'teddy bear', 'hair drier', 'toothbrush',
] as const;

/** Other words people use for a label, where its own word differs ("people" are persons). */
export const LABEL_WORDS: Readonly<Record<string, string>> = {
  person: 'people',
  bicycle: 'bike',
  motorcycle: 'motorbike',
  airplane: 'plane aeroplane',
  couch: 'sofa',
  tv: 'television',
  'cell phone': 'phone mobile smartphone',
  'dining table': 'table',
  refrigerator: 'fridge',
  'potted plant': 'plant',
};
