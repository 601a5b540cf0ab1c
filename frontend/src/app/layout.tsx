import { useEffect, useRef } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useAuth } from '@/features/auth/components/auth-provider';

export function Layout() {
  const { user, state } = useAuth();
  const main = useRef<HTMLElement>(null);
  const location = useLocation();
  // A new page moves the focus to its content, as a page load would for screen readers.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (!location.hash) main.current?.focus();
  }, [location.pathname, location.hash]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <Link to="/" className="brand">
          Resume2Website
        </Link>
        <nav aria-label="Main">
          <ul>
            {user ? (
              <>
                <li>
                  <NavLink to="/dashboard">Dashboard</NavLink>
                </li>
                <li>
                  <NavLink to="/account">Account</NavLink>
                </li>
              </>
            ) : state.status === 'anonymous' ? (
              <>
                <li>
                  <NavLink to="/sign-in">Sign in</NavLink>
                </li>
                <li>
                  <NavLink to="/sign-up">Sign up</NavLink>
                </li>
              </>
            ) : null}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>Resume2Website – your CV, as a website of your own.</p>
      </footer>
    </>
  );
}
