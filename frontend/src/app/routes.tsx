import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { Layout } from './layout';
import { Landing } from './routes/landing';
import { Farewell, ForgotPassword, ResetPassword, SignIn, SignInComplete, SignUp } from './routes/auth-pages';
import { RequireUser } from './require-user';
import { NotFound } from './routes/not-found';
import { Loading } from '@/components/ui/loading';

// The editor, the preview renderer and the dashboard load only when visited, so the first
// page a visitor sees ships little JavaScript.
const CvPage = lazy(() => import('./routes/cv-page'));
const Dashboard = lazy(() => import('./routes/dashboard'));
const Account = lazy(() => import('./routes/account'));
const Plan = lazy(() => import('./routes/plan'));
const PlanReturn = lazy(() => import('./routes/plan').then((m) => ({ default: m.PlanReturnPage })));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<Layout />}>
        <Route index element={<Landing />} />
        <Route path="sign-in" element={<SignIn />} />
        <Route path="sign-in/complete" element={<SignInComplete />} />
        <Route path="sign-up" element={<SignUp />} />
        <Route path="forgot-password" element={<ForgotPassword />} />
        <Route path="reset-password" element={<ResetPassword />} />
        <Route path="signed-out" element={<Farewell what="signed-out" />} />
        <Route path="account-deleted" element={<Farewell what="account-deleted" />} />
        <Route
          path="cvs/:cvId"
          element={
            <Suspense fallback={<Loading />}>
              <CvPage />
            </Suspense>
          }
        />
        <Route
          path="dashboard"
          element={
            <RequireUser>
              <Suspense fallback={<Loading />}>
                <Dashboard />
              </Suspense>
            </RequireUser>
          }
        />
        <Route
          path="account"
          element={
            <RequireUser>
              <Suspense fallback={<Loading />}>
                <Account />
              </Suspense>
            </RequireUser>
          }
        />
        <Route
          path="plan"
          element={
            <RequireUser>
              <Suspense fallback={<Loading />}>
                <Plan />
              </Suspense>
            </RequireUser>
          }
        />
        <Route
          path="plan/return"
          element={
            <RequireUser>
              <Suspense fallback={<Loading />}>
                <PlanReturn />
              </Suspense>
            </RequireUser>
          }
        />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}
