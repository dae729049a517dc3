import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useInstallPrompt } from './install';

function InstallButton() {
  const prompt = useInstallPrompt();
  return prompt ? <button onClick={() => prompt.install()}>Installer l'application</button> : <p>pas d'installation</p>;
}

describe('useInstallPrompt', () => {
  it('offers to install once the browser allows it, then forgets the prompt', async () => {
    render(<InstallButton />);
    expect(screen.getByText("pas d'installation")).toBeInTheDocument();
    const event = Object.assign(new Event('beforeinstallprompt', { cancelable: true }), {
      prompt: vi.fn(() => Promise.resolve()),
      userChoice: Promise.resolve({ outcome: 'accepted' as const }),
    });
    act(() => {
      window.dispatchEvent(event);
    });
    expect(event.defaultPrevented).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: "Installer l'application" }));
    expect(event.prompt).toHaveBeenCalled();
    expect(await screen.findByText("pas d'installation")).toBeInTheDocument();
  });
});
