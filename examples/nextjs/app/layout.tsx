import type { ReactNode } from 'react';

export const metadata = {
  title: 'Chili Piper MCP on Next.js',
  description: 'The Chili Piper MCP tools served from a Next.js route handler.',
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body
        style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 760, margin: '2rem auto', lineHeight: 1.5 }}
      >
        {children}
      </body>
    </html>
  );
}
