// Demo users and posts seeded into a fresh database. The images are drawn by
// scripts/generate-demo-art.mjs from each post's `art` (theme and palette variant): one list drives both.

type DemoUser = { username: string; email: string; displayName: string; bio: string };

/** Password shared by every demo account (shown on the login page). */
export const DEMO_PASSWORD = 'cookies-and-cream';

export const demoUsers = [
  { username: 'demo', email: 'demo@example.com', displayName: 'Demo Baker', bio: 'The account on the login page.\nLook around, like things, post a photo.' },
  { username: 'chinu', email: 'chinu@example.com', displayName: 'Chinmayi Rao', bio: 'Chai first, cookies second.\nMumbai rooftops and rainy windows.' },
  { username: 'maya.bakes', email: 'maya.bakes@example.com', displayName: 'Maya Fernandes', bio: 'Home baker. Brown butter evangelist.\nNew batch every Sunday.' },
  { username: 'arjun_clicks', email: 'arjun_clicks@example.com', displayName: 'Arjun Mehta', bio: 'Street and food photography.\nShot on whatever is in my pocket.' },
] as const satisfies readonly DemoUser[];

/**
 * Who follows whom: everyone follows the demo account and it follows everyone, so its feed is
 * full on the first run; the others follow some of each other, so suggestions differ per person.
 */
export const demoFollows: readonly (readonly [follower: DemoUsername, followee: DemoUsername])[] = [
  ['demo', 'chinu'],
  ['demo', 'maya.bakes'],
  ['demo', 'arjun_clicks'],
  ['chinu', 'demo'],
  ['chinu', 'maya.bakes'],
  ['maya.bakes', 'demo'],
  ['maya.bakes', 'chinu'],
  ['maya.bakes', 'arjun_clicks'],
  ['arjun_clicks', 'demo'],
  ['arjun_clicks', 'maya.bakes'],
];

type DemoUsername = (typeof demoUsers)[number]['username'];

type DemoPost = { author: string; /** In lib/db/demo-art/. */ file: string; caption: string; art: readonly [theme: string, variant: number] };

/** One post per generated image, in image order (post-01 first). */
export const demoPosts = [
  { author: 'arjun_clicks', file: 'post-01.svg', caption: 'Golden hour never misses 🌅 #sunset #goldenhour', art: ['sunset', 0] },
  { author: 'maya.bakes', file: 'post-02.svg', caption: "Couldn't wait for them to cool down. Zero regrets 🍪 #cookiegram #freshbaked", art: ['cookieHero', 0] },
  { author: 'demo', file: 'post-03.svg', caption: 'City lights, soft focus ✨ #bokeh', art: ['bokeh', 0] },
  { author: 'chinu', file: 'post-04.svg', caption: 'New pattern study: 25 tiles, zero rulers 📐 #geometric #design', art: ['tiles', 0] },
  { author: 'arjun_clicks', file: 'post-05.svg', caption: 'Morning mist over the ridges. Worth the 5 am alarm ⛰️ #mountains #hiking', art: ['mountains', 0] },
  { author: 'chinu', file: 'post-06.svg', caption: 'Sunday doodles in pastel 🎨', art: ['blobs', 0] },
  { author: 'arjun_clicks', file: 'post-07.svg', caption: 'Caught a shooting star! Did you make a wish? 🌠 #nightsky #stargazing', art: ['starry', 0] },
  { author: 'demo', file: 'post-08.svg', caption: 'Salt air and slow mornings with @arjun_clicks 🌊 #beachday #ocean', art: ['waves', 0] },
  { author: 'chinu', file: 'post-09.svg', caption: 'Outrun vibes only 🕹️ #synthwave #retro', art: ['retro', 0] },
  { author: 'demo', file: 'post-10.svg', caption: 'Coloured in a mandala to relax. Took way longer than planned 😅 #mandala', art: ['mandala', 0] },
  { author: 'maya.bakes', file: 'post-11.svg', caption: 'Cocoa with marshmallows + a fresh batch = perfect rainy afternoon ☕🍪 Saved one for @chinu #cozy #bakingday', art: ['cookieFlatlay', 0] },
  { author: 'demo', file: 'post-12.svg', caption: 'Peach skies on the drive home 🍑', art: ['sunset', 1] },
  { author: 'arjun_clicks', file: 'post-13.svg', caption: 'Playing with bokeh at f/1.8 💙 #photography', art: ['bokeh', 1] },
  { author: 'demo', file: 'post-14.svg', caption: 'Camping under a million stars ⛺ #outdoors', art: ['starry', 1] },
  { author: 'chinu', file: 'post-15.svg', caption: 'Garden-inspired tiles 🌿 Which one is your favourite?', art: ['tiles', 1] },
  { author: 'arjun_clicks', file: 'post-16.svg', caption: 'The sea turned pink tonight 💗 #sunset #ocean', art: ['waves', 1] },
  { author: 'maya.bakes', file: 'post-17.svg', caption: 'Double chocolate with white chocolate chunks. Recipe soon, promise @demo 🤎 #cookiegram', art: ['cookieHero', 1] },
  { author: 'arjun_clicks', file: 'post-18.svg', caption: 'Last light on the peaks 🏔️', art: ['mountains', 1] },
  { author: 'chinu', file: 'post-19.svg', caption: 'Earthy palette experiments 🍂 #abstractart', art: ['blobs', 1] },
  { author: 'demo', file: 'post-20.svg', caption: 'Pastel bloom 🌸 #art', art: ['mandala', 1] },
  { author: 'chinu', file: 'post-21.svg', caption: "Throwback to 1986 (I wasn't even born) 📼 #retrowave", art: ['retro', 1] },
  { author: 'demo', file: 'post-22.svg', caption: 'Evening walk after a long week. Needed this 🌄', art: ['sunset', 2] },
  { author: 'maya.bakes', file: 'post-23.svg', caption: 'Milk and cookies, the classic combo 🥛🍪 #snacktime', art: ['cookieFlatlay', 1] },
  { author: 'arjun_clicks', file: 'post-24.svg', caption: 'Festival lights, slightly out of focus on purpose 🧡 #nightphotography', art: ['bokeh', 2] },
  { author: 'chinu', file: 'post-25.svg', caption: 'Mint-coloured waves = instant calm 🐚 #seaside', art: ['waves', 2] },
  { author: 'arjun_clicks', file: 'post-26.svg', caption: 'Hills glowing orange at sunset. No filter needed 🔥 Fuelled by @maya.bakes cookies #landscape #sunset', art: ['mountains', 2] },
  { author: 'chinu', file: 'post-27.svg', caption: 'Nautical tiles ⚓ #pattern #geometric', art: ['tiles', 2] },
  { author: 'demo', file: 'post-28.svg', caption: 'Twilight is my favourite colour 💜 #twilight', art: ['starry', 2] },
  { author: 'chinu', file: 'post-29.svg', caption: 'Neon blobs for a gloomy Monday 💥', art: ['blobs', 2] },
  { author: 'maya.bakes', file: 'post-30.svg', caption: "Rainbow candy cookies for my niece's birthday 🌈🍪 #cookiegram #birthday", art: ['cookieHero', 2] },
] as const satisfies readonly (DemoPost & { author: DemoUsername })[];
