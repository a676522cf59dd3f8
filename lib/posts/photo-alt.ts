/** The text a screen reader hears for a post's photo: the author's own, else who posted what. */
export const photoAlt = (post: { alt: string; author: string; caption: string }) =>
  post.alt || (post.caption ? `Photo by ${post.author}: ${post.caption}` : `Photo by ${post.author}`);
