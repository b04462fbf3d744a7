// The auth feature's public face: other features and the app import only these.
export { AuthProvider } from './components/AuthContext';
export { RequireAuth } from './components/RequireAuth';
export { SessionEndedRedirect } from './components/SessionEndedRedirect';
export { useAuth } from './hooks/useAuth';
export { SignInPage } from './pages/SignInPage';
export { SignUpPage } from './pages/SignUpPage';
export { ForgotPasswordPage } from './pages/ForgotPasswordPage';
export { ResetPasswordPage } from './pages/ResetPasswordPage';
export { VerifyEmailPage } from './pages/VerifyEmailPage';
