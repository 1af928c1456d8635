import { useState } from 'react';
import 'byline-widgets/article-card.js';
import type { BylineLoadEvent, Article } from 'byline-widgets';
import { stories } from '../../common/stories.js';

export function App() {
  const [index, setIndex] = useState(0);
  const [loaded, setLoaded] = useState('');

  // React 19 passes `article` as a property and listens to `byline-load` for `onbyline-load`:
  // the prop is `on` + the exact event name, all lowercase.
  const onLoad = (event: BylineLoadEvent<Article>) => setLoaded(event.detail.value.title);

  return (
    <main>
      <byline-article-card article={stories[index]} heading-level="2" onbyline-load={onLoad} />
      <p id="loaded">Loaded: {loaded}</p>
      <button onClick={() => setIndex((index + 1) % stories.length)}>Next story</button>
    </main>
  );
}
