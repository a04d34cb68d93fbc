import Markdown, { type Components } from 'react-markdown';

/**
 * The project's guidelines (markdown written by a lead) as React elements. react-markdown
 * renders no raw HTML (it shows as text); links open only for http(s) addresses, in a new tab,
 * without opener or referrer; images are not fetched (their alt text stands in).
 */
const components: Components = {
  a: ({ href, children }) => {
    const safe = typeof href === 'string' && /^https?:\/\//i.test(href);
    if (!safe) return <span className="md-link-inert">{children}</span>;
    return (
      <a href={href} target="_blank" rel="noopener noreferrer">
        {children}
      </a>
    );
  },
  img: ({ alt }) => <span className="md-image-inert">[image{alt ? `: ${alt}` : ''}]</span>,
};

export function GuidelinesMarkdown({ text }: { text: string }) {
  return (
    <div className="guidelines-text">
      <Markdown components={components}>{text}</Markdown>
    </div>
  );
}
